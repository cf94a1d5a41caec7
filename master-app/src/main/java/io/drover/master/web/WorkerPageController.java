package io.drover.master.web;

import io.drover.master.state.ClusterStateStore;
import io.drover.master.web.view.DetailViews;
import io.drover.server.web.PageController;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** One worker as the master sees it; the worker's own UI (its processes, its logs) is linked from here. */
@PageController
class WorkerPageController {

    private final ClusterStateStore store;
    private final Clock clock;

    WorkerPageController(ClusterStateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/workers/{workerId}")
    String worker(@PathVariable String workerId, Model model, HttpServletRequest request) {
        model.addAttribute("page", DetailViews.worker(store.snapshot(), workerId, clock.instant(), PageLimits.RECENT)
                .orElseThrow(() -> new PageNotFound("worker", workerId)));
        return LiveView.of("master/worker", request);
    }
}
