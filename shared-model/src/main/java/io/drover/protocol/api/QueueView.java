package io.drover.protocol.api;

/**
 * One queue as {@code GET /api/v1/queues} shows it: its configuration, the cores its work holds, its weighted
 * share of the cluster's cores, and its work.
 *
 * @param weight its weight; queues that have work share the cluster's cores in proportion to their weights
 * @param maxCores the most cores its drivers and executors may hold at once; null means no limit
 * @param coresHeld cores held now by its drivers and executors that have not ended
 * @param fairShareCores its weighted share of the cores of the alive workers, among the queues that hold or
 *     want cores (0 while it has no work); placement serves next the queue furthest below it
 * @param waitingDrivers its drivers waiting for a worker
 * @param waitingApplications its applications that want more cores than they hold
 * @param activeDrivers its drivers that have not ended
 * @param activeApplications its applications that have not ended
 */
public record QueueView(
        String name,
        int weight,
        Integer maxCores,
        int coresHeld,
        double fairShareCores,
        int waitingDrivers,
        int waitingApplications,
        int activeDrivers,
        int activeApplications) {
}
