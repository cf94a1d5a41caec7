package io.drover.master.web;

import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.model.ClusterSnapshot;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the shared layout (frontend's drover/layout.html) reads on every dashboard page: who is looking,
 * the master's URL and status, and the navigation. Scoped to this package, so API calls never pay for it.
 */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final ClusterStateStore store;

    PageModel(ClusterStateStore store) {
        this.store = store;
    }

    @ModelAttribute
    void layout(Model model, HttpServletRequest request, HttpServletResponse response) {
        ClusterSnapshot snapshot = store.snapshot();
        model.addAttribute("appName", "master");
        model.addAttribute("clusterUrl", snapshot.url());
        model.addAttribute("clusterStatus", snapshot.status());
        model.addAttribute("nav", NavLink.master(request.getRequestURI()));
        // One URL answers the page and its live regions: caches must tell them apart, and neither may
        // be served stale. (viewer and authDisabledWarning come from server-common's SecurityModelAttributes.)
        response.addHeader(HttpHeaders.VARY, LiveView.HEADER);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
