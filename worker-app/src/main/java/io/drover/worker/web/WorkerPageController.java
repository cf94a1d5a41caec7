package io.drover.worker.web;

import io.drover.worker.api.WorkerStatuses;
import io.drover.worker.web.view.WorkerPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The worker's own page: its master, what it offers and uses, its drivers and executors with links to their logs. */
@Controller
class WorkerPageController {

    private final WorkerStatuses statuses;

    WorkerPageController(WorkerStatuses statuses) {
        this.statuses = statuses;
    }

    @GetMapping("/")
    String overview(Model model) {
        model.addAttribute("page", WorkerPage.of(statuses.current()));
        return "worker/overview";
    }
}
