package io.drover.master.web.view;

import io.drover.protocol.state.ApplicationState;
import java.time.Instant;

/**
 * An application as a table row shows it.
 *
 * @param cores cores of its executors that have not ended
 * @param maxCores the cap in force; null means unlimited
 * @param executors how many of its executors have not ended
 * @param durationMillis from registration to its end, or to now while it is active
 * @param submittedBy who registered it; null until the API records carry it (see {@link Rows})
 * @param queue the queue it waits or runs in
 * @param waitingReason why its next executor is not placed, as the latest placement round saw it; null otherwise
 */
public record ApplicationRow(
        String appId,
        String name,
        ApplicationState state,
        int cores,
        Integer maxCores,
        long memoryPerExecutorMb,
        int executors,
        String driverId,
        Instant submittedAt,
        Instant endedAt,
        long durationMillis,
        String submittedBy,
        String queue,
        String waitingReason) implements SubmittedRow {

    @Override
    public boolean active() {
        return !state.isTerminal();
    }

    // Preformatted for the tables (see Formats); the times are SubmittedRow's.

    public String memoryPerExecutorText() {
        return Formats.mib(memoryPerExecutorMb);
    }
}
