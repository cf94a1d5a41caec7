package io.drover.master.web;

import io.drover.master.state.ClusterStateStore;
import io.drover.master.web.view.DetailViews;
import io.drover.master.web.view.ListFilter;
import io.drover.master.web.view.ListViews;
import io.drover.server.web.PageController;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The paged list of applications and one application's page with its executors. */
@PageController
class ApplicationPageController {

    private final ClusterStateStore store;
    private final Clock clock;

    ApplicationPageController(ClusterStateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping(ListViews.APPLICATIONS_PATH)
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, Model model) {
        model.addAttribute("list", ListViews.applications(store.snapshot(), ListFilter.parse(state),
                PageLimits.number(page, 1, 1, Integer.MAX_VALUE),
                PageLimits.number(size, PageLimits.PAGE_SIZE, 1, PageLimits.MAX_PAGE_SIZE), clock.instant()));
        return "master/applications";
    }

    @GetMapping(ListViews.APPLICATIONS_PATH + "/{appId}")
    String application(@PathVariable String appId, Model model, HttpServletRequest request) {
        model.addAttribute("page", DetailViews.application(store.snapshot(), appId, clock.instant())
                .orElseThrow(() -> new PageNotFound("application", appId)));
        return LiveView.of("master/application", request);
    }
}
