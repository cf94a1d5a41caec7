package io.drover.master.web.view;

import io.drover.protocol.state.MasterStatus;

/**
 * The overview's summary list, Spark's floor: where the master is, its workers, resources (alive workers
 * only), applications and drivers by state. "Completed" counts what the master still retains.
 *
 * @param driversWaiting active drivers with no worker yet (queued, or relaunching after a lost worker)
 */
public record ClusterSummary(
        String url,
        String restUrl,
        MasterStatus status,
        int workersAlive,
        int workersDead,
        int workersDecommissioned,
        int workersUnknown,
        int coresTotal,
        int coresUsed,
        long memoryTotalMb,
        long memoryUsedMb,
        int applicationsActive,
        int applicationsWaiting,
        int applicationsCompleted,
        int driversActive,
        int driversWaiting,
        int driversRelaunching,
        int driversCompleted,
        int driversKilled,
        int driversFailed,
        int driversError) {
}
