package io.drover.protocol.internal;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Worker → master every {@code worker-timeout / 4}, with the drivers and executors ({@code <appId>/<executorId>})
 * it runs: its inventory.
 */
public record Heartbeat(long epoch, List<@NotNull String> runningDriverIds, List<@NotNull String> runningExecutors) {

    public Heartbeat {
        runningDriverIds = runningDriverIds == null ? List.of() : List.copyOf(runningDriverIds);
        runningExecutors = runningExecutors == null ? List.of() : List.copyOf(runningExecutors);
    }
}
