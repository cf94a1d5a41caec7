package io.drover.master.web;

import io.drover.master.scheduling.SchedulingSettings;
import io.drover.master.state.ClusterStateStore;
import io.drover.master.web.view.OverviewViews;
import io.drover.server.web.PageController;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The master's overview page: the cluster document rendered for people. It only reads the published
 * snapshot; the UI never changes state directly (Spark's MasterPage lesson).
 */
@PageController
class DashboardController {

    private final ClusterStateStore store;
    private final Clock clock;
    private final SchedulingSettings scheduling;

    DashboardController(ClusterStateStore store, Clock clock, SchedulingSettings scheduling) {
        this.store = store;
        this.clock = clock;
        this.scheduling = scheduling;
    }

    @GetMapping("/")
    String overview(Model model, HttpServletRequest request) {
        model.addAttribute("page",
                OverviewViews.overview(store.snapshot(), clock.instant(), PageLimits.ACTIVE, PageLimits.RECENT,
                        scheduling));
        return LiveView.of("master/overview", request);
    }
}
