package io.drover.worker.api;

import io.drover.protocol.api.WorkerStatus;
import io.drover.worker.config.WorkerProperties;
import io.drover.worker.registration.MasterLink;
import io.drover.worker.runner.RunnerRegistry;
import org.springframework.stereotype.Component;

/** Builds this worker's view of itself, for the API and the page alike. Only maps; holds no state. */
@Component
public class WorkerStatuses {

    private final MasterLink link;
    private final RunnerRegistry registry;
    private final WorkerProperties properties;

    WorkerStatuses(MasterLink link, RunnerRegistry registry, WorkerProperties properties) {
        this.link = link;
        this.registry = registry;
        this.properties = properties;
    }

    public WorkerStatus current() {
        RunnerRegistry.Snapshot snapshot = registry.snapshot();
        return new WorkerStatus(link.workerId(), link.workerUrl(), link.masterUrl(), link.epoch(),
                link.isRegistered(), snapshot.offered().cores(), snapshot.used().cores(),
                snapshot.offered().memoryMb(), snapshot.used().memoryMb(), properties.absoluteWorkDir().toString(),
                snapshot.running(), snapshot.finished(), snapshot.runningExecutors(), snapshot.finishedExecutors());
    }
}
