package io.drover.master.history;

import io.drover.protocol.Paths;
import io.drover.protocol.api.ClusterHistoryView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/cluster/history}: the sampled history, for the overview's charts and anyone else. */
@RestController
class ClusterHistoryController {

    private final ClusterHistory history;

    ClusterHistoryController(ClusterHistory history) {
        this.history = history;
    }

    @GetMapping(Paths.CLUSTER_HISTORY)
    ClusterHistoryView history() {
        return history.view();
    }
}
