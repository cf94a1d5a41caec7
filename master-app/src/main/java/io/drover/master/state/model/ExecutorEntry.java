package io.drover.master.state.model;

import io.drover.protocol.Paths;
import io.drover.protocol.resources.ResourceAddresses;
import io.drover.protocol.resources.Resources;
import io.drover.protocol.state.ExecutorState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One executor of an application, as the master knows it. Immutable.
 *
 * @param runningSince when its worker reported its process running; null before that
 * @param pid its process on its worker while it runs; null otherwise
 * @param resourceAddresses the addresses of its worker's custom resources it holds, by name; its worker gets them
 *     back when it ends
 */
public record ExecutorEntry(
        String appId,
        int executorId,
        String workerId,
        int cores,
        long memoryMb,
        ExecutorState state,
        Integer exitCode,
        String message,
        Instant launchedAt,
        Instant runningSince,
        Instant endedAt,
        Long pid,
        Map<String, List<String>> resourceAddresses) {

    public ExecutorEntry {
        resourceAddresses = ResourceAddresses.copyOf(resourceAddresses);
    }

    public static ExecutorEntry launching(String appId, int executorId, String workerId, int cores, long memoryMb,
            Map<String, List<String>> addresses, Instant now) {
        return new ExecutorEntry(appId, executorId, workerId, cores, memoryMb, ExecutorState.LAUNCHING, null, null,
                now, null, null, null, addresses);
    }

    public static ExecutorEntry launching(String appId, int executorId, String workerId, int cores, long memoryMb,
            Instant now) {
        return launching(appId, executorId, workerId, cores, memoryMb, Map.of(), now);
    }

    public String key() {
        return Paths.executorKey(appId, executorId);
    }

    public Resources resources() {
        return Resources.of(cores, memoryMb);
    }

    public boolean isLive() {
        return !state.isTerminal();
    }

    /** Its worker reports its process running: at launch, or when a master that took over adopts it. */
    public ExecutorEntry running(Long processId, Instant now) {
        return new ExecutorEntry(appId, executorId, workerId, cores, memoryMb, ExecutorState.RUNNING, null, message,
                launchedAt, now, null, processId, resourceAddresses);
    }

    /** Whether it has been running for at least {@code stable}: proof that the command works. */
    public boolean ranAtLeast(java.time.Duration stable, Instant now) {
        return runningSince != null && !runningSince.plus(stable).isAfter(endedAt != null ? endedAt : now);
    }

    public ExecutorEntry ended(ExecutorState finalState, Integer code, String why, Instant now) {
        return new ExecutorEntry(appId, executorId, workerId, cores, memoryMb, finalState, code, why, launchedAt,
                runningSince, now, null, resourceAddresses);
    }
}
