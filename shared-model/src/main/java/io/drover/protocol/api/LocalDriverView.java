package io.drover.protocol.api;

import io.drover.protocol.state.DriverState;
import java.time.Instant;

/**
 * A driver as its worker sees it ({@code GET /api/v1/worker}): the process side, with its pid while it
 * runs.
 */
public record LocalDriverView(
        String driverId,
        String name,
        DriverState state,
        int cores,
        long memoryMb,
        Long pid,
        Instant startedAt,
        Instant endedAt,
        Integer exitCode,
        int restarts,
        String message) {
}
