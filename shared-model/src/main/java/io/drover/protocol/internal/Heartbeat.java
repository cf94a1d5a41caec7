package io.drover.protocol.internal;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Worker → master every {@code worker-timeout / 4}, with the drivers it runs (its inventory). */
public record Heartbeat(long epoch, List<@NotNull String> runningDriverIds) {

    public Heartbeat {
        runningDriverIds = runningDriverIds == null ? List.of() : List.copyOf(runningDriverIds);
    }
}
