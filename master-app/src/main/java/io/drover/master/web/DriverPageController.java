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

/** The paged list of drivers and one driver's page with its log links. */
@PageController
class DriverPageController {

    private final ClusterStateStore store;
    private final Clock clock;

    DriverPageController(ClusterStateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping(ListViews.DRIVERS_PATH)
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, Model model) {
        model.addAttribute("list", ListViews.drivers(store.snapshot(), ListFilter.parse(state),
                PageLimits.number(page, 1, 1, Integer.MAX_VALUE),
                PageLimits.number(size, PageLimits.PAGE_SIZE, 1, PageLimits.MAX_PAGE_SIZE), clock.instant()));
        return "master/drivers";
    }

    @GetMapping(ListViews.DRIVERS_PATH + "/{driverId}")
    String driver(@PathVariable String driverId, Model model, HttpServletRequest request) {
        model.addAttribute("page", DetailViews.driver(store.snapshot(), driverId, clock.instant())
                .orElseThrow(() -> new PageNotFound("driver", driverId)));
        return LiveView.of("master/driver", request);
    }
}
