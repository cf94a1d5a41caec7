package io.drover.server.security;

import io.drover.server.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard's login page, like Jupyter's: one field for a token. A URL ending in {@code #token=…}
 * (what the local-cluster script prints) logs in at once; the token stays in the fragment, which browsers
 * never send to a server or write to its access log.
 */
@PageController
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            Model model) {
        model.addAttribute("loginFailed", error != null);
        model.addAttribute("loggedOut", logout != null);
        return "drover/login";
    }
}
