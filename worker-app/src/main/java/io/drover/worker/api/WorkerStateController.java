package io.drover.worker.api;

import io.drover.protocol.Paths;
import io.drover.protocol.api.WorkerStatus;
import io.drover.worker.config.WorkerProperties;
import io.drover.worker.registration.MasterLink;
import io.drover.worker.runner.RunnerRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/worker}: this worker's own view of itself. Only maps; reads no state of its own. */
@RestController
class WorkerStateController {

    private final MasterLink link;
    private final RunnerRegistry registry;
    private final WorkerProperties properties;

    WorkerStateController(MasterLink link, RunnerRegistry registry, WorkerProperties properties) {
        this.link = link;
        this.registry = registry;
        this.properties = properties;
    }

    @GetMapping(Paths.WORKER_STATE)
    WorkerStatus status() {
        RunnerRegistry.Snapshot snapshot = registry.snapshot();
        return new WorkerStatus(link.workerId(), link.workerUrl(), link.masterUrl(), link.epoch(),
                link.isRegistered(), snapshot.offered().cores(), snapshot.used().cores(),
                snapshot.offered().memoryMb(), snapshot.used().memoryMb(), properties.absoluteWorkDir().toString(),
                snapshot.running(), snapshot.finished());
    }
}
