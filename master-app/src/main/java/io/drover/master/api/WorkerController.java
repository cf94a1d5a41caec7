package io.drover.master.api;

import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.protocol.Paths;
import io.drover.protocol.api.ClusterView;
import io.drover.protocol.api.WorkerView;
import io.drover.server.ApiException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Workers and the whole cluster, read from the published snapshot. */
@RestController
class WorkerController {

    private final ClusterStateStore store;

    WorkerController(ClusterStateStore store) {
        this.store = store;
    }

    @GetMapping(Paths.WORKERS)
    List<WorkerView> list() {
        ClusterSnapshot snapshot = store.snapshot();
        return snapshot.workers().values().stream().map(w -> ApiViews.worker(w, snapshot)).toList();
    }

    @GetMapping(Paths.WORKER)
    WorkerView get(@PathVariable String workerId) {
        ClusterSnapshot snapshot = store.snapshot();
        return snapshot.worker(workerId).map(w -> ApiViews.worker(w, snapshot))
                .orElseThrow(() -> ApiException.notFound("no worker " + workerId));
    }

    @GetMapping(Paths.CLUSTER)
    ClusterView cluster() {
        return ApiViews.cluster(store.snapshot());
    }
}
