package io.drover.master.api;

import io.drover.master.scheduling.QueueStats;
import io.drover.master.scheduling.SchedulingSettings;
import io.drover.master.scheduling.SchedulingView;
import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.machine.Command;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.protocol.Paths;
import io.drover.protocol.api.ClusterView;
import io.drover.protocol.api.DecommissionRequest;
import io.drover.protocol.api.QueueView;
import io.drover.protocol.api.WorkerView;
import io.drover.protocol.ids.Ids;
import io.drover.server.ApiException;
import io.drover.server.security.AuditLog;
import io.drover.server.security.DroverPrincipal;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Workers, their decommission, the queues and the whole cluster, read from the published snapshot. */
@RestController
class WorkerController {

    private final ClusterStateStore store;
    private final Commands commands;
    private final SchedulingSettings scheduling;

    WorkerController(ClusterStateStore store, Commands commands, SchedulingSettings scheduling) {
        this.store = store;
        this.commands = commands;
        this.scheduling = scheduling;
    }

    @GetMapping(Paths.WORKERS)
    List<WorkerView> list() {
        return store.snapshot().workers().values().stream().map(ApiViews::worker).toList();
    }

    @GetMapping(Paths.WORKER)
    WorkerView get(@PathVariable String workerId) {
        return store.snapshot().worker(workerId).map(ApiViews::worker)
                .orElseThrow(() -> ApiException.notFound("no worker " + workerId));
    }

    /**
     * Admin only ({@code AccessPolicy}'s admin routes): the worker takes no new work, its executors stop and are
     * replaced elsewhere, and it ends DECOMMISSIONED. {@code 202}: what runs there moves on its own time.
     */
    @PostMapping(Paths.WORKER_DECOMMISSION)
    @ResponseStatus(HttpStatus.ACCEPTED)
    void decommission(@PathVariable String workerId, @Valid @RequestBody(required = false) DecommissionRequest body,
            @AuthenticationPrincipal DroverPrincipal caller) {
        if (!Ids.isWorkerId(workerId)) {
            throw ApiException.badRequest("workerId: '" + workerId
                    + "' is not a worker id (worker-<yyyyMMddHHmmss>-<host>-<port>)");
        }
        String reason = body == null ? null : body.reason();
        commands.call(new Command.DecommissionWorkerCommand(workerId, reason, caller.name()));
        AuditLog.LOG.info("decommission: worker {} by '{}'{}", workerId, caller.name(),
                reason == null ? "" : ": " + reason);
    }

    @GetMapping(Paths.QUEUES)
    List<QueueView> queues() {
        return QueueStats.of(SchedulingView.of(store.snapshot()), scheduling);
    }

    @GetMapping(Paths.CLUSTER)
    ClusterView cluster() {
        ClusterSnapshot snapshot = store.snapshot();
        return ApiViews.cluster(snapshot, QueueStats.of(SchedulingView.of(snapshot), scheduling));
    }
}
