package io.drover.master.api;

import io.drover.master.events.ApplicationEventHub;
import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.machine.Command;
import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.master.state.model.ExecutorViews;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.Paths;
import io.drover.protocol.api.ApplicationEvent;
import io.drover.protocol.api.ApplicationEventType;
import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.ExecutorLimitRequest;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.api.RegisterApplicationResponse;
import io.drover.protocol.ids.ExecutorIds;
import io.drover.protocol.ids.Ids;
import io.drover.server.ApiException;
import io.drover.server.security.AuditLog;
import io.drover.server.security.DroverPrincipal;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The public application calls of DESIGN.md §5: register, list, get, events, finish, kill, limits. */
@RestController
class ApplicationController {

    private final Commands commands;
    private final ClusterStateStore store;
    private final ApplicationEventHub events;

    ApplicationController(Commands commands, ClusterStateStore store, ApplicationEventHub events) {
        this.commands = commands;
        this.store = store;
        this.events = events;
    }

    /** {@code produces}: an Accept the answer cannot meet is refused before the application exists. */
    @PostMapping(path = Paths.APPLICATIONS, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RegisterApplicationResponse> register(@Valid @RequestBody RegisterApplicationRequest request,
            @AuthenticationPrincipal DroverPrincipal caller) {
        Ownership.checkNamedDriver(caller, store.snapshot(), request.driverId());
        String appId = commands.call(new Command.RegisterApplicationCommand(request, caller.name()));
        AuditLog.LOG.info("submit: application {} ({}) by '{}'", appId, request.name(), caller.name());
        return ResponseEntity.created(URI.create(Paths.APPLICATIONS + "/" + appId))
                .body(new RegisterApplicationResponse(appId));
    }

    @GetMapping(Paths.APPLICATIONS)
    List<ApplicationView> list() {
        return ApiViews.applications(store.snapshot());
    }

    @GetMapping(Paths.APPLICATION)
    ApplicationView get(@PathVariable String appId) {
        ClusterSnapshot snapshot = store.snapshot();
        return ApiViews.application(find(snapshot, appId), snapshot);
    }

    /**
     * Opens with the application as it is (an {@code executor-added} per live executor, then
     * {@code application-state}, all numbered with the application's current event sequence), then live
     * events; the stream ends after the application's final state.
     */
    @GetMapping(path = Paths.APPLICATION_EVENTS, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String appId, @AuthenticationPrincipal DroverPrincipal caller) {
        find(store.snapshot(), appId);
        SseEmitter emitter = new SseEmitter(0L);
        ApplicationEventHub.Subscription subscription = events.subscribe(appId, emitter, caller.name());
        ClusterSnapshot snapshot = store.snapshot();
        ApplicationEntry app = snapshot.application(appId).orElse(null);
        if (app == null) { // forgotten in between: the slot is given back
            events.cancel(subscription);
            throw ApiException.notFound("no application " + appId);
        }
        List<ApplicationEvent> opening = new ArrayList<>();
        for (ExecutorEntry executor : app.executors().values()) {
            if (executor.isLive()) {
                String workerUrl = snapshot.worker(executor.workerId()).map(WorkerEntry::url).orElse(null);
                opening.add(new ApplicationEvent(ApplicationEventType.EXECUTOR_ADDED, app.eventSeq(), appId,
                        ExecutorViews.of(executor, workerUrl), null, null));
            }
        }
        opening.add(new ApplicationEvent(ApplicationEventType.APPLICATION_STATE, app.eventSeq(), appId, null,
                app.state(), app.message()));
        events.open(subscription, app.eventSeq(), opening, app.state().isTerminal());
        return emitter;
    }

    @PostMapping(Paths.APPLICATION_FINISH)
    @ResponseStatus(HttpStatus.ACCEPTED)
    void finish(@PathVariable String appId, @AuthenticationPrincipal DroverPrincipal caller) {
        checkId(appId);
        Ownership.checkApplication(caller, store.snapshot(), appId);
        commands.call(new Command.FinishApplicationCommand(appId));
    }

    @PostMapping(Paths.APPLICATION_KILL)
    @ResponseStatus(HttpStatus.ACCEPTED)
    void kill(@PathVariable String appId, @AuthenticationPrincipal DroverPrincipal caller) {
        checkId(appId);
        Ownership.checkApplication(caller, store.snapshot(), appId);
        commands.call(new Command.KillApplicationCommand(appId, caller.name()));
        AuditLog.LOG.info("kill: application {} by '{}'", appId, caller.name());
    }

    @PutMapping(Paths.APPLICATION_EXECUTOR_LIMIT)
    @ResponseStatus(HttpStatus.ACCEPTED)
    void executorLimit(@PathVariable String appId, @Valid @RequestBody ExecutorLimitRequest request,
            @AuthenticationPrincipal DroverPrincipal caller) {
        checkId(appId);
        Ownership.checkApplication(caller, store.snapshot(), appId);
        commands.call(new Command.SetExecutorLimitCommand(appId, request.limit()));
    }

    @PostMapping(Paths.APPLICATION_EXECUTOR_KILL)
    @ResponseStatus(HttpStatus.ACCEPTED)
    void killExecutor(@PathVariable String appId, @PathVariable String executorId,
            @AuthenticationPrincipal DroverPrincipal caller) {
        checkId(appId);
        int number = executorNumber(executorId);
        Ownership.checkApplication(caller, store.snapshot(), appId);
        commands.call(new Command.KillExecutorCommand(appId, number));
        AuditLog.LOG.info("kill: executor {}/{} by '{}'", appId, number, caller.name());
    }

    static int executorNumber(String executorId) {
        return ExecutorIds.parse(executorId).orElseThrow(
                () -> ApiException.badRequest("executorId: '" + executorId + "' is not an executor number"));
    }

    private static ApplicationEntry find(ClusterSnapshot snapshot, String appId) {
        checkId(appId);
        return snapshot.application(appId).orElseThrow(() -> ApiException.notFound("no application " + appId));
    }

    private static void checkId(String appId) {
        if (!Ids.isAppId(appId)) {
            throw ApiException.badRequest("appId: '" + appId + "' is not an application id (app-<yyyyMMddHHmmss>-<nnnn>)");
        }
    }
}
