package io.drover.protocol.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Worker → master every {@code worker-timeout / 4}, with the drivers and executors ({@code <appId>/<executorId>})
 * it runs: its inventory.
 *
 * @param health the result of its latest check of itself; null when it does not check (the master keeps what it
 *     knew). A healthy report brings a worker back into placement after it was marked unhealthy.
 */
public record Heartbeat(long epoch, List<@NotNull String> runningDriverIds, List<@NotNull String> runningExecutors,
        @Valid WorkerHealth health) {

    public Heartbeat {
        runningDriverIds = runningDriverIds == null ? List.of() : List.copyOf(runningDriverIds);
        runningExecutors = runningExecutors == null ? List.of() : List.copyOf(runningExecutors);
    }

    /** A heartbeat that says nothing of the worker's health. */
    public Heartbeat(long epoch, List<String> runningDriverIds, List<String> runningExecutors) {
        this(epoch, runningDriverIds, runningExecutors, null);
    }
}
