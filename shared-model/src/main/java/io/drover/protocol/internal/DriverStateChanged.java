package io.drover.protocol.internal;

import io.drover.protocol.ids.Ids;
import io.drover.protocol.state.DriverState;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A driver's process changed state, as a worker reports it in {@link DriverStateReports}. A worker sends
 * each driver's reports in order.
 *
 * @param exitCode set when a process ended with one
 * @param message why, for ERROR (could not start) and FAILED/KILLED when there is more to say
 * @param restarts how often the worker has restarted this driver under {@code supervise}
 * @param pid the driver's process, on a RUNNING report; null otherwise
 * @param workerFault set (with an ERROR report) when the launch failed for the worker's own reasons, not the
 *     driver's: its work directory read-only or full, an app resource this host cannot fetch. The master then
 *     places the driver again elsewhere without counting the attempt, and marks the worker unhealthy with this
 *     reason until its health report says it is fine again. Null for the driver's own failures.
 */
public record DriverStateChanged(
        @NotNull @Pattern(regexp = Ids.DRIVER_ID_REGEX) String driverId,
        @NotNull DriverState state,
        Integer exitCode,
        String message,
        @PositiveOrZero int restarts,
        @Positive Long pid,
        @Size(max = 1000) String workerFault) {

    /** A report without a process: anything but RUNNING. */
    public DriverStateChanged(String driverId, DriverState state, Integer exitCode, String message, int restarts) {
        this(driverId, state, exitCode, message, restarts, null, null);
    }

    /** A report of the driver's own doing. */
    public DriverStateChanged(String driverId, DriverState state, Integer exitCode, String message, int restarts,
            Long pid) {
        this(driverId, state, exitCode, message, restarts, pid, null);
    }

    /** The worker could not launch the driver for its own reasons ({@code workerFault}). */
    public static DriverStateChanged refused(String driverId, String workerFault) {
        return new DriverStateChanged(driverId, DriverState.ERROR, null, workerFault, 0, null, workerFault);
    }
}
