package io.drover.master.web.view;

import io.drover.protocol.state.ExecutorState;
import java.time.Instant;

/**
 * One executor as a table row shows it.
 *
 * @param workerAddress its worker's host:port, shorter to read than its id; null when the master forgot it
 * @param workerUiUrl its worker's own UI, or null when there is no usable link
 * @param stdoutUrl its stdout in the worker's log viewer ({@code <worker>/logs/<appId>/<executorId>/stdout}), or null
 */
public record ExecutorRow(
        String appId,
        int executorId,
        String workerId,
        String workerAddress,
        String workerUiUrl,
        int cores,
        long memoryMb,
        ExecutorState state,
        Integer exitCode,
        String message,
        Instant launchedAt,
        Instant startedAt,
        Instant endedAt,
        String stdoutUrl,
        String stderrUrl) {

    public boolean live() {
        return !state.isTerminal();
    }

    // Preformatted for the tables (see Formats).

    public String memoryText() {
        return Formats.mib(memoryMb);
    }

    public Moment startedAtMoment() {
        return Moment.of(startedAt);
    }

    public Moment endedAtMoment() {
        return Moment.of(endedAt);
    }
}
