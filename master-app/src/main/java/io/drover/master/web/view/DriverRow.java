package io.drover.master.web.view;

import io.drover.protocol.state.DriverState;
import java.time.Instant;

/**
 * A driver as a table row shows it.
 *
 * @param workerId the worker it runs on or last ran on; null while it waits for its first placement
 * @param workerAddress that worker's host:port, shorter to read than its id; null when the master forgot it
 * @param durationMillis from submission to its end, or to now while it is active
 * @param submittedBy who submitted it; null until the API records carry it (see {@link Rows})
 * @param queue the queue it waits or runs in
 * @param waitingReason why it waits for a worker, as the latest placement round saw it; null unless waiting
 */
public record DriverRow(
        String driverId,
        String name,
        DriverState state,
        String workerId,
        String workerAddress,
        int cores,
        long memoryMb,
        boolean supervise,
        Instant submittedAt,
        Instant endedAt,
        long durationMillis,
        Integer exitCode,
        int restarts,
        String submittedBy,
        String queue,
        String waitingReason) implements SubmittedRow {

    @Override
    public boolean active() {
        return !state.isTerminal();
    }

    // Preformatted for the tables (see Formats); the times are SubmittedRow's.

    public String memoryText() {
        return Formats.mib(memoryMb);
    }
}
