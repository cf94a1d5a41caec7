package io.drover.worker.web;

import io.drover.server.web.PageController;
import io.drover.worker.api.WorkerStatuses;
import io.drover.worker.isolation.Sandbox;
import io.drover.worker.web.view.WorkerPage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The worker's own page: its master, what it offers and uses, its drivers and executors with links to their logs. */
@PageController
class WorkerPageController {

    private final WorkerStatuses statuses;
    private final Sandbox sandbox;

    WorkerPageController(WorkerStatuses statuses, Sandbox sandbox) {
        this.statuses = statuses;
        this.sandbox = sandbox;
    }

    @GetMapping("/")
    String overview(Model model) {
        model.addAttribute("page", WorkerPage.of(statuses.current()));
        model.addAttribute("isolation", sandbox.describe());
        model.addAttribute("isolationWarning", sandbox.warning());
        return "worker/overview";
    }
}
