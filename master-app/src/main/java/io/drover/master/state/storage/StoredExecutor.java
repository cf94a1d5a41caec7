package io.drover.master.state.storage;

import io.drover.protocol.state.ExecutorState;
import java.time.Instant;

/** One executor as stored under {@code executor/<appId>/<executorId>}. */
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
        Long pid) implements StoredRecord {
}
