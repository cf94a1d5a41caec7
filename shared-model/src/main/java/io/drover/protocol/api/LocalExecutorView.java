package io.drover.protocol.api;

import io.drover.protocol.state.ExecutorState;
import java.time.Instant;

/** An executor as its worker sees it ({@code GET /api/v1/worker}): the process side, with its pid while it runs. */
public record LocalExecutorView(
        String appId,
        int executorId,
        String appName,
        ExecutorState state,
        int cores,
        long memoryMb,
        Long pid,
        Instant startedAt,
        Instant endedAt,
        Integer exitCode,
        String message) {
}
