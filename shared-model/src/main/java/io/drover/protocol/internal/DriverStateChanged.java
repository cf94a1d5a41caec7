package io.drover.protocol.internal;

import io.drover.protocol.ids.Ids;
import io.drover.protocol.state.DriverState;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A driver's process changed state, as a worker reports it in {@link DriverStateReports}. A worker sends
 * each driver's reports in order.
 *
 * @param exitCode set when a process ended with one
 * @param message why, for ERROR (could not start) and FAILED/KILLED when there is more to say
 * @param restarts how often the worker has restarted this driver under {@code supervise}
 */
public record DriverStateChanged(
        @NotNull @Pattern(regexp = Ids.DRIVER_ID_REGEX) String driverId,
        @NotNull DriverState state,
        Integer exitCode,
        String message,
        @PositiveOrZero int restarts) {
}
