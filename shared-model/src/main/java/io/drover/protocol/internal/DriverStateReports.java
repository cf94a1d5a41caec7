package io.drover.protocol.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Worker → master, {@code POST /internal/v1/workers/{workerId}/driver-states}: the drivers' state changes
 * the worker has not sent yet, oldest first. A worker sends what piled up while its last call was under
 * way in one call, so a burst of short drivers costs a few calls instead of two per driver.
 */
public record DriverStateReports(@NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid DriverStateChanged> changes) {

    public DriverStateReports {
        changes = changes == null ? null : List.copyOf(changes);
    }
}
