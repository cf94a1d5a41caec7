package io.drover.protocol.api;

import io.drover.protocol.state.WorkerState;
import java.time.Instant;
import java.util.List;

/**
 * One worker as the master sees it: its totals, what is used, and the drivers and executors
 * ({@code <appId>/<executorId>}) it runs.
 *
 * @param sparkVersion the Spark it offers to Spark drivers and executors; null when it has none
 */
public record WorkerView(
        String workerId,
        String host,
        int port,
        String url,
        WorkerState state,
        int cores,
        int coresUsed,
        long memoryMb,
        long memoryUsedMb,
        Instant registeredAt,
        Instant lastHeartbeat,
        List<String> driverIds,
        List<String> executors,
        String sparkVersion) {

    public WorkerView {
        driverIds = driverIds == null ? List.of() : List.copyOf(driverIds);
        executors = executors == null ? List.of() : List.copyOf(executors);
    }

    /** A worker without Spark. */
    public WorkerView(String workerId, String host, int port, String url, WorkerState state, int cores,
            int coresUsed, long memoryMb, long memoryUsedMb, Instant registeredAt, Instant lastHeartbeat,
            List<String> driverIds, List<String> executors) {
        this(workerId, host, port, url, state, cores, coresUsed, memoryMb, memoryUsedMb, registeredAt, lastHeartbeat,
                driverIds, executors, null);
    }
}
