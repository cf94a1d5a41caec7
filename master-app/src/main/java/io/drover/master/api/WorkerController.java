package io.drover.master.api;

import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.protocol.Paths;
import io.drover.protocol.api.ClusterView;
import io.drover.protocol.api.WorkerPage;
import io.drover.protocol.api.WorkerView;
import io.drover.protocol.state.WorkerState;
import io.drover.master.state.model.WorkerEntry;
import io.drover.server.ApiException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Workers and the whole cluster, read from the published snapshot. */
@RestController
class WorkerController {

    private final ClusterStateStore store;

    WorkerController(ClusterStateStore store) {
        this.store = store;
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

    /** The totals; with {@code ?full=true} every worker, driver and application too (Spark's {@code /json}). */
    @GetMapping(Paths.CLUSTER)
    ClusterView cluster(@RequestParam(defaultValue = "false") boolean full) {
        return ApiViews.cluster(store.snapshot(), full);
    }
}
