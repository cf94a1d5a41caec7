package io.drover.master.state.storage;

import io.drover.protocol.state.ExecutorState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One executor as stored under {@code executor/<appId>/<executorId>}. {@code resourceAddresses} is absent from
 * earlier format 1 records: none.
 */
record StoredExecutor(
        int version,
        String appId,
        int executorId,
        String workerId,
        int cores,
        long memoryMb,
        ExecutorState state,
        Integer exitCode,
        String message,
        Instant launchedAt,
        Instant runningSince,
        Instant endedAt,
        Long pid,
        Map<String, List<String>> resourceAddresses) implements StoredRecord {
}
