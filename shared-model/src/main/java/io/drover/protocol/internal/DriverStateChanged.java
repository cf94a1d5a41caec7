package io.drover.protocol.internal;

import io.drover.protocol.ids.Ids;
import io.drover.protocol.state.DriverState;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A driver's process changed state, as a worker reports it in {@link DriverStateReports}. A worker sends
 * each driver's reports in order.
 *
 * @param exitCode set when a process ended with one
 * @param message why, for ERROR (could not start) and FAILED/KILLED when there is more to say
 * @param restarts how often the worker has restarted this driver under {@code supervise}
 * @param pid the driver's process, on a RUNNING report; null otherwise
 */
public record DriverStateChanged(
        @NotNull @Pattern(regexp = Ids.DRIVER_ID_REGEX) String driverId,
        @NotNull DriverState state,
        Integer exitCode,
        String message,
        @PositiveOrZero int restarts,
        @Positive Long pid) {

    /** A report without a process: anything but RUNNING. */
    public DriverStateChanged(String driverId, DriverState state, Integer exitCode, String message, int restarts) {
        this(driverId, state, exitCode, message, restarts, null);
    }
}
