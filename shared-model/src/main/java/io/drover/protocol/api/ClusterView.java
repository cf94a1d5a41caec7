package io.drover.protocol.api;

import io.drover.protocol.state.MasterStatus;
import java.util.List;

/**
 * {@code GET /api/v1/cluster}: the whole state in one document, like Spark's {@code /json}. Totals count
 * alive workers only.
 */
public record ClusterView(
        String url,
        MasterStatus status,
        long epoch,
        int aliveWorkers,
        int deadWorkers,
        int cores,
        int coresUsed,
        long memoryMb,
        long memoryUsedMb,
        List<WorkerView> workers,
        List<DriverView> activeDrivers,
        List<DriverView> completedDrivers,
        List<ApplicationView> activeApplications,
        List<ApplicationView> completedApplications) {

    public ClusterView {
        workers = List.copyOf(workers);
        activeDrivers = List.copyOf(activeDrivers);
        completedDrivers = List.copyOf(completedDrivers);
        activeApplications = activeApplications == null ? List.of() : List.copyOf(activeApplications);
        completedApplications = completedApplications == null ? List.of() : List.copyOf(completedApplications);
    }
}
