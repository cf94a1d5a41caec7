package io.drover.master.web;

import io.drover.master.api.ApiViews;
import io.drover.master.state.ClusterStateStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The master's overview page: the cluster document rendered for people. It only reads the published
 * snapshot; the UI never changes state directly (Spark's MasterPage lesson).
 */
@Controller
class DashboardController {

    private final ClusterStateStore store;

    DashboardController(ClusterStateStore store) {
        this.store = store;
    }

    @GetMapping("/")
    String overview(Model model) {
        model.addAttribute("cluster", ApiViews.cluster(store.snapshot()));
        return "master/overview";
    }
}
