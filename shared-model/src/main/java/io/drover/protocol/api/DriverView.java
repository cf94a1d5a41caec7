package io.drover.protocol.api;

import io.drover.protocol.Scheduling;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.DriverState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
 * @param queue the queue it waits or runs in
 * @param priority its priority inside the queue (higher goes first)
 * @param resources custom resources it asked for, amounts by name
 * @param resourceAddresses the addresses of its worker's custom resources assigned to it while placed
 * @param waitingReason why it waits for a worker, as the latest placement round saw it; null unless waiting
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
        Long pid,
        String queue,
        Integer priority,
        Map<String, Integer> resources,
        Map<String, List<String>> resourceAddresses,
        String waitingReason) {

    /** The fields issue 14 added are boxed and defaulted, so a reply from an earlier master still reads. */
    public DriverView {
        queue = queue == null ? Scheduling.DEFAULT_QUEUE : queue;
        priority = priority == null ? 0 : priority;
        resources = resources == null ? Map.of() : resources;
        resourceAddresses = resourceAddresses == null ? Map.of() : resourceAddresses;
    }
}
