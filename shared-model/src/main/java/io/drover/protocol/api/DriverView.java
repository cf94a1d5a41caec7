package io.drover.protocol.api;

import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.DriverState;
import java.time.Instant;

/**
 * One driver as the API shows it.
 *
 * @param workerId the worker it runs on or last ran on; null while it waits for its first placement
 * @param launchedAt when the master last sent it to a worker
 * @param startedAt when its current process was reported running
 * @param exitCode the exit code of its last process, when it had one
 * @param restarts how often it was started again: by its worker (supervise) or elsewhere after its worker died
 * @param message why it is in its state, when there is more to say (a launch error, a lost worker)
 * @param submittedBy the name of the token it was submitted with ({@code anonymous} with authentication off)
 * @param killedBy the name of the token that asked to kill it; null unless someone did
 * @param pid its process on its worker while it runs; null otherwise
 */
public record DriverView(
        String driverId,
        String name,
        DriverState state,
        String workerId,
        String workerUrl,
        String appResource,
        CommandSpec command,
        int cores,
        long memoryMb,
        boolean supervise,
        Instant submittedAt,
        Instant launchedAt,
        Instant startedAt,
        Instant endedAt,
        Integer exitCode,
        int restarts,
        String message,
        String submittedBy,
        String killedBy,
        Long pid) {
}
