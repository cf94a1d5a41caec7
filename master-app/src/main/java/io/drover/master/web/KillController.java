package io.drover.master.web;

import io.drover.master.api.Commands;
import io.drover.master.api.Ownership;
import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.machine.Command;
import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.web.view.ListViews;
import io.drover.protocol.ids.ExecutorIds;
import io.drover.protocol.ids.Ids;
import io.drover.server.ApiException;
import io.drover.server.security.AuditLog;
import io.drover.server.security.DroverPrincipal;
import io.drover.server.web.PageController;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
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
@PageController
class KillController {

    private final Commands commands;
    private final ClusterStateStore store;

    KillController(Commands commands, ClusterStateStore store) {
        this.commands = commands;
        this.store = store;
    }

    /**
     * What a kill form acts on. {@code known} is false when the master does not know it; {@code allowed} says
     * whether the caller may kill it (the API's rule, {@link Ownership}); {@code command} takes who asked.
     */
    private record Target(String verb, String what, String page, boolean known, boolean allowed,
            Function<String, Command<Void>> command, String done) {
    }

    @PostMapping(ListViews.DRIVERS_PATH + "/{driverId}/kill")
    Object killDriver(@PathVariable String driverId, Form form, @AuthenticationPrincipal DroverPrincipal caller,
            HttpServletRequest request, RedirectAttributes flash, Model model) {
        ClusterSnapshot snapshot = store.snapshot();
        Optional<DriverEntry> driver = Ids.isDriverId(driverId) ? snapshot.driver(driverId) : Optional.empty();
        return kill(new Target("kill", "driver " + driverId, ListViews.DRIVERS_PATH + "/" + driverId, driver.isPresent(),
                driver.map(d -> Ownership.mayChange(caller, d)).orElse(false),
                by -> new Command.KillDriverCommand(driverId, by), "Asked to kill driver " + driverId + "."),
                form, caller, request, flash, model);
    }

    @PostMapping(ListViews.APPLICATIONS_PATH + "/{appId}/kill")
    Object killApplication(@PathVariable String appId, Form form, @AuthenticationPrincipal DroverPrincipal caller,
            HttpServletRequest request, RedirectAttributes flash, Model model) {
        Optional<ApplicationEntry> app = applicationOf(appId);
        return kill(new Target("kill", "application " + appId, ListViews.APPLICATIONS_PATH + "/" + appId, app.isPresent(),
                mayChange(caller, app), by -> new Command.KillApplicationCommand(appId, by),
                "Killed application " + appId + "."), form, caller, request, flash, model);
    }

    @PostMapping(ListViews.APPLICATIONS_PATH + "/{appId}/executors/{executorId}/kill")
    Object killExecutor(@PathVariable String appId, @PathVariable String executorId, Form form,
            @AuthenticationPrincipal DroverPrincipal caller, HttpServletRequest request,
            RedirectAttributes flash, Model model) {
        OptionalInt number = ExecutorIds.parse(executorId);
        String what = "executor " + executorId + " of application " + appId;
        Optional<ApplicationEntry> app = number.isPresent() ? applicationOf(appId) : Optional.empty();
        return kill(new Target("kill", what, ListViews.APPLICATIONS_PATH + "/" + appId, app.isPresent(),
                mayChange(caller, app), by -> new Command.KillExecutorCommand(appId, number.orElse(-1)),
                "Killed " + what + "."), form, caller, request, flash, model);
    }

    /** Admins only (the policy's admin routes): the same command as the API's decommission. */
    @PostMapping(ListViews.WORKERS_PATH + "/{workerId}/decommission")
    Object decommissionWorker(@PathVariable String workerId, Form form, @AuthenticationPrincipal DroverPrincipal caller,
            HttpServletRequest request, RedirectAttributes flash, Model model) {
        boolean known = Ids.isWorkerId(workerId) && store.snapshot().worker(workerId).isPresent();
        return kill(new Target("decommission", "worker " + workerId, ListViews.WORKERS_PATH + "/" + workerId, known,
                caller.isAdmin(), by -> new Command.DecommissionWorkerCommand(workerId, null, by),
                "Decommissioning worker " + workerId + ": it takes no new work, its executors move."), form, caller,
                request, flash, model);
    }

    private Optional<ApplicationEntry> applicationOf(String appId) {
        return Ids.isAppId(appId) ? store.snapshot().application(appId) : Optional.empty();
    }

    private boolean mayChange(DroverPrincipal caller, Optional<ApplicationEntry> app) {
        return app.map(a -> Ownership.mayChange(caller, a, store.snapshot())).orElse(false);
    }

    private Object kill(Target target, Form form, DroverPrincipal caller, HttpServletRequest request,
            RedirectAttributes flash, Model model) {
        String back = Redirects.back(request, form.back(), target.page());
        if (!target.known()) {
            flash.addFlashAttribute("flashError", "The master does not know " + target.what() + ".");
            return Redirects.to(Redirects.back(request, form.back(), "/"));
        }
        if (!target.allowed()) {
            flash.addFlashAttribute("flashError", "You may not " + target.verb() + " " + target.what() + ".");
            return Redirects.to(back);
        }
        if (!form.isConfirmed()) {
            model.addAttribute("question", Character.toUpperCase(target.verb().charAt(0)) + target.verb().substring(1)
                    + " " + target.what() + "?");
            model.addAttribute("action", request.getRequestURI());
            model.addAttribute("back", back);
            return "master/confirm";
        }
        try {
            send(target.command().apply(caller.name()), caller.name());
            flash.addFlashAttribute("flashMessage", target.done());
        } catch (ApiException refused) {
            flash.addFlashAttribute("flashError", "Could not " + target.verb() + " " + target.what() + ": "
                    + refused.getMessage());
        }
        return Redirects.to(back);
    }

    /** The one place a UI kill reaches the state store; the command carries who asked, for the audit. */
    private void send(Command<Void> command, String by) {
        commands.call(command);
        AuditLog.LOG.info("from the dashboard: {} by '{}'", command, by);
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
