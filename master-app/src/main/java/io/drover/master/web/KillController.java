package io.drover.master.web;

import io.drover.master.api.Commands;
import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.machine.Command;
import io.drover.master.web.view.DetailViews;
import io.drover.master.web.view.ListViews;
import io.drover.protocol.ids.ExecutorIds;
import io.drover.server.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dashboard's kill forms. Each sends the same {@link Command} as the API's kill call, then redirects
 * back with a message (Post/Redirect/Get). A refusal (unknown id, already ended, not allowed, master not
 * ALIVE) is a message too, never an error page. An unconfirmed post (no JavaScript) gets a confirmation
 * page first.
 */
@Controller
class KillController {

    private static final Logger log = LoggerFactory.getLogger(KillController.class);

    private final Commands commands;
    private final ClusterStateStore store;
    private final Clock clock;

    KillController(Commands commands, ClusterStateStore store, Clock clock) {
        this.commands = commands;
        this.store = store;
        this.clock = clock;
    }

    /** What a kill form acts on. {@code owner} is empty when the master does not know it. */
    private record Target(String what, String page, Optional<Owner> owner, Command<Void> command, String done) {
    }

    /** Who submitted a thing the master knows; {@code submittedBy} may be null (not recorded). */
    private record Owner(String submittedBy) {
    }

    @PostMapping(ListViews.DRIVERS_PATH + "/{driverId}/kill")
    Object killDriver(@PathVariable String driverId, Form form, @ModelAttribute("viewer") Viewer viewer,
            Principal principal, HttpServletRequest request, RedirectAttributes flash, Model model) {
        Optional<Owner> owner = DetailViews.driver(store.snapshot(), driverId, clock.instant())
                .map(page -> new Owner(page.driver().submittedBy()));
        return kill(new Target("driver " + driverId, ListViews.DRIVERS_PATH + "/" + driverId, owner,
                new Command.KillDriverCommand(driverId), "Asked to kill driver " + driverId + "."),
                form, viewer, principal, request, flash, model);
    }

    @PostMapping(ListViews.APPLICATIONS_PATH + "/{appId}/kill")
    Object killApplication(@PathVariable String appId, Form form, @ModelAttribute("viewer") Viewer viewer,
            Principal principal, HttpServletRequest request, RedirectAttributes flash, Model model) {
        return kill(new Target("application " + appId, ListViews.APPLICATIONS_PATH + "/" + appId, ownerOf(appId),
                new Command.KillApplicationCommand(appId), "Killed application " + appId + "."),
                form, viewer, principal, request, flash, model);
    }

    @PostMapping(ListViews.APPLICATIONS_PATH + "/{appId}/executors/{executorId}/kill")
    Object killExecutor(@PathVariable String appId, @PathVariable String executorId, Form form,
            @ModelAttribute("viewer") Viewer viewer, Principal principal, HttpServletRequest request,
            RedirectAttributes flash, Model model) {
        OptionalInt number = ExecutorIds.parse(executorId);
        String what = "executor " + executorId + " of application " + appId;
        Optional<Owner> owner = number.isPresent() ? ownerOf(appId) : Optional.empty();
        return kill(new Target(what, ListViews.APPLICATIONS_PATH + "/" + appId, owner,
                new Command.KillExecutorCommand(appId, number.orElse(-1)), "Killed " + what + "."),
                form, viewer, principal, request, flash, model);
    }

    private Optional<Owner> ownerOf(String appId) {
        return DetailViews.application(store.snapshot(), appId, clock.instant())
                .map(page -> new Owner(page.app().submittedBy()));
    }

    private Object kill(Target target, Form form, Viewer viewer, Principal principal, HttpServletRequest request,
            RedirectAttributes flash, Model model) {
        String back = Redirects.back(request, form.back(), target.page());
        if (target.owner().isEmpty()) {
            flash.addFlashAttribute("flashError", "The master does not know " + target.what() + ".");
            return Redirects.to(Redirects.back(request, form.back(), "/"));
        }
        if (!viewer.mayKill(target.owner().get().submittedBy())) {
            flash.addFlashAttribute("flashError", "You may not kill " + target.what() + ".");
            return Redirects.to(back);
        }
        if (!form.isConfirmed()) {
            model.addAttribute("question", "Kill " + target.what() + "?");
            model.addAttribute("action", request.getRequestURI());
            model.addAttribute("back", back);
            return "master/confirm";
        }
        try {
            send(target.command(), Viewer.nameOf(principal));
            flash.addFlashAttribute("flashMessage", target.done());
        } catch (ApiException refused) {
            flash.addFlashAttribute("flashError", "Could not kill " + target.what() + ": " + refused.getMessage());
        }
        return Redirects.to(back);
    }

    /**
     * The one place a UI kill reaches the state store, with who asked. The commands do not carry a
     * {@code killedBy} yet; the security work adds it here.
     */
    private void send(Command<Void> command, String by) {
        commands.call(command);
        log.info("{} requested from the dashboard by {}", command, by);
    }

    /**
     * The form's fields: {@code confirmed=true} once the reader said yes, and {@code back}, the page to
     * return to (carried through the confirmation page, where the Referer would be the kill URL itself).
     */
    record Form(String confirmed, String back) {
        boolean isConfirmed() {
            return "true".equals(confirmed);
        }
    }
}
