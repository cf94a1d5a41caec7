package io.drover.protocol.api;

import java.util.List;

/**
 * {@code GET /api/v1/worker}: a worker's own view of itself: the master it follows, what it offers and
 * uses, the drivers and executors it runs and the last ones that ended (newest first, bounded).
 *
 * @param masterUrl the master it registered with; null while it is still looking for one
 */
public record WorkerStatus(
        String workerId,
        String url,
        String masterUrl,
        long epoch,
        boolean registered,
        int cores,
        int coresUsed,
        long memoryMb,
        long memoryUsedMb,
        String workDir,
        List<LocalDriverView> runningDrivers,
        List<LocalDriverView> finishedDrivers,
        List<LocalExecutorView> runningExecutors,
        List<LocalExecutorView> finishedExecutors) {

    public WorkerStatus {
        runningDrivers = List.copyOf(runningDrivers);
        finishedDrivers = List.copyOf(finishedDrivers);
        runningExecutors = runningExecutors == null ? List.of() : List.copyOf(runningExecutors);
        finishedExecutors = finishedExecutors == null ? List.of() : List.copyOf(finishedExecutors);
    }
}
