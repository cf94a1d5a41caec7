package io.drover.server.security;

import io.drover.server.web.PageController;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout shows about security: who is logged in, and a warning when nobody needs to be. For
 * {@link PageController}s only: an API call has no layout.
 */
@ControllerAdvice(annotations = PageController.class)
class SecurityModelAttributes {

    private final AuthProperties auth;

    SecurityModelAttributes(AuthProperties auth) {
        this.auth = auth;
    }

    @ModelAttribute("authDisabledWarning")
    boolean authDisabledWarning() {
        return !auth.enabled();
    }

    /** The caller, or null on the login page; with authentication disabled, {@link DroverPrincipal#UNAUTHENTICATED}. */
    @ModelAttribute("viewer")
    DroverPrincipal viewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof DroverPrincipal principal
                ? principal : null;
    }
}
