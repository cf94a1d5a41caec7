package io.drover.protocol.internal;

import io.drover.protocol.ids.Ids;
import io.drover.protocol.state.ExecutorState;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * An executor's process changed state, as a worker reports it in {@link StateReports}, in order per
 * executor.
 *
 * @param exitCode set when the process ended with one
 * @param message why, for FAILED (could not launch, or its exit) and KILLED when there is more to say
 * @param pid the executor's process, on a RUNNING report; null otherwise
 */
public record ExecutorStateChanged(
        @NotNull @Pattern(regexp = Ids.APP_ID_REGEX) String appId,
        @PositiveOrZero int executorId,
        @NotNull ExecutorState state,
        Integer exitCode,
        String message,
        @Positive Long pid) {

    /** A report without a process: anything but RUNNING. */
    public ExecutorStateChanged(String appId, int executorId, ExecutorState state, Integer exitCode, String message) {
        this(appId, executorId, state, exitCode, message, null);
    }
}
