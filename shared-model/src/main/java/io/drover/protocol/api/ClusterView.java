package io.drover.protocol.api;

import io.drover.protocol.state.MasterStatus;
import java.util.List;

/**
 * {@code GET /api/v1/cluster}: the whole state in one document, like Spark's {@code /json}. Totals count
 * alive workers only.
 *
 * @param status this master's lifecycle state; only an ALIVE master takes submissions
 * @param epoch the leader epoch it acts under (0 while it has never led)
 * @param leaderUrl the URL of the master that leads the cluster, when known (this one while it leads)
 * @param queues the scheduling queues with their shares and work (as {@code GET /api/v1/queues})
 */
public record ClusterView(
        String url,
        MasterStatus status,
        long epoch,
        String leaderUrl,
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
        List<ApplicationView> completedApplications,
        List<QueueView> queues) {

    public ClusterView {
        workers = List.copyOf(workers);
        activeDrivers = List.copyOf(activeDrivers);
        completedDrivers = List.copyOf(completedDrivers);
        activeApplications = activeApplications == null ? List.of() : List.copyOf(activeApplications);
        completedApplications = completedApplications == null ? List.of() : List.copyOf(completedApplications);
        queues = queues == null ? List.of() : List.copyOf(queues);
    }
}
