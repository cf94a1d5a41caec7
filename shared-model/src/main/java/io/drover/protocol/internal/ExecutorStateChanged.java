package io.drover.protocol.internal;

import io.drover.protocol.ids.Ids;
import io.drover.protocol.state.ExecutorState;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * An executor's process changed state, as a worker reports it in {@link StateReports}, in order per
 * executor.
 *
 * @param exitCode set when the process ended with one
 * @param message why, for FAILED (could not launch, or its exit) and KILLED when there is more to say
 * @param pid the executor's process, on a RUNNING report; null otherwise
 * @param workerFault set (with a FAILED report) when the launch failed for the worker's own reasons, not the
 *     application's (see {@link DriverStateChanged#workerFault()}): the executor ends LOST, never counts
 *     towards {@code max-executor-retries}, is replaced elsewhere, and the worker is marked unhealthy.
 */
public record ExecutorStateChanged(
        @NotNull @Pattern(regexp = Ids.APP_ID_REGEX) String appId,
        @PositiveOrZero int executorId,
        @NotNull ExecutorState state,
        Integer exitCode,
        String message,
        @Positive Long pid,
        @Size(max = 1000) String workerFault) {

    /** A report without a process: anything but RUNNING. */
    public ExecutorStateChanged(String appId, int executorId, ExecutorState state, Integer exitCode, String message) {
        this(appId, executorId, state, exitCode, message, null, null);
    }

    /** A report of the executor's own doing. */
    public ExecutorStateChanged(String appId, int executorId, ExecutorState state, Integer exitCode, String message,
            Long pid) {
        this(appId, executorId, state, exitCode, message, pid, null);
    }

    /** The worker could not launch the executor for its own reasons ({@code workerFault}). */
    public static ExecutorStateChanged refused(String appId, int executorId, String workerFault) {
        return new ExecutorStateChanged(appId, executorId, ExecutorState.FAILED, null, workerFault, null, workerFault);
    }
}
