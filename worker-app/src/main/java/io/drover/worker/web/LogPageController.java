package io.drover.worker.web;

import io.drover.server.web.PageController;
import io.drover.worker.web.view.LogLinks;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The log viewer pages: {@code /logs/{driverId}/{stream}} and {@code /logs/{appId}/{executorId}/{stream}}.
 * Each is a shell; its script reads the text from {@code /api/v1/logs/...} in byte ranges, so opening a
 * huge log costs one small page and one small range. Bad or unknown ids answer an HTML error page
 * ({@link PageErrors}).
 */
@PageController
class LogPageController {

    private final LogPages pages;

    LogPageController(LogPages pages) {
        this.pages = pages;
    }

    @GetMapping(LogLinks.DRIVER_PAGE)
    String driverLog(@PathVariable String driverId, @PathVariable String stream, Model model) {
        model.addAttribute("page", pages.driver(driverId, stream));
        return "worker/log";
    }

    @GetMapping(LogLinks.EXECUTOR_PAGE)
    String executorLog(@PathVariable String appId, @PathVariable String executorId, @PathVariable String stream,
            Model model) {
        model.addAttribute("page", pages.executor(appId, executorId, stream));
        return "worker/log";
    }
}
