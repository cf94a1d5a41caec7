package io.drover.worker.api;

import io.drover.protocol.Paths;
import io.drover.protocol.api.WorkerStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/worker}: this worker's own view of itself. */
@RestController
class WorkerStateController {

    private final WorkerStatuses statuses;

    WorkerStateController(WorkerStatuses statuses) {
        this.statuses = statuses;
    }

    @GetMapping(Paths.WORKER_STATE)
    WorkerStatus status() {
        return statuses.current();
    }
}
