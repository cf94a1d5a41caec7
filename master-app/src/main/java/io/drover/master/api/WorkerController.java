package io.drover.master.api;

import io.drover.master.scheduling.QueueStats;
import io.drover.master.scheduling.SchedulingSettings;
import io.drover.master.scheduling.SchedulingView;
import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.machine.Command;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.Paths;
import io.drover.protocol.api.ClusterView;
import io.drover.protocol.api.DecommissionRequest;
import io.drover.protocol.api.QueueView;
import io.drover.protocol.api.WorkerPage;
import io.drover.protocol.api.WorkerView;
import io.drover.protocol.ids.Ids;
import io.drover.protocol.state.WorkerState;
import io.drover.server.ApiException;
import io.drover.server.security.AuditLog;
import io.drover.server.security.DroverPrincipal;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
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

    /** Bounded so a page of 10,000 workers' details is never one answer; 100 by default. */
    static final int MAX_PAGE_SIZE = 1000;

    /** One page of the workers, in registration order, optionally only those in one state. */
    @GetMapping(Paths.WORKERS)
    WorkerPage list(@RequestParam(required = false) WorkerState state, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        if (page < 0) {
            throw ApiException.badRequest("page: must be 0 or more, not " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.badRequest("size: must be from 1 to " + MAX_PAGE_SIZE + ", not " + size);
        }
        ClusterSnapshot snapshot = store.snapshot();
        List<WorkerEntry> matching = snapshot.workers().values().stream()
                .filter(w -> state == null || w.state() == state).toList();
        long from = (long) page * size;
        List<WorkerView> views = from >= matching.size() ? List.of()
                : matching.subList((int) from, (int) Math.min(matching.size(), from + size)).stream()
                        .map(w -> ApiViews.worker(w, snapshot)).toList();
        return new WorkerPage(views, page, size, matching.size());
    }

    @GetMapping(Paths.WORKER)
    WorkerView get(@PathVariable String workerId) {
        ClusterSnapshot snapshot = store.snapshot();
        return snapshot.worker(workerId).map(w -> ApiViews.worker(w, snapshot))
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

    /** The totals and queues; with {@code ?full=true} every worker, driver and application too (Spark's {@code /json}). */
    @GetMapping(Paths.CLUSTER)
    ClusterView cluster(@RequestParam(defaultValue = "false") boolean full) {
        ClusterSnapshot snapshot = store.snapshot();
        return ApiViews.cluster(snapshot, full, QueueStats.of(SchedulingView.of(snapshot), scheduling));
    }
}
