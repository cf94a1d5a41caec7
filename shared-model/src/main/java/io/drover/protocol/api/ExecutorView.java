package io.drover.protocol.api;

import io.drover.protocol.state.ExecutorState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One executor of an application.
 *
 * @param executorId its number within the application ({@code app-…/3} is executor 3)
 * @param exitCode the exit code of its process, when it ended with one
 * @param message why it is in its state, when there is more to say
 * @param startedAt when its worker reported the process running
 * @param pid its process on its worker while it runs; null otherwise
 * @param resourceAddresses the addresses of its worker's custom resources assigned to it, by name
 */
public record ExecutorView(
        String appId,
        int executorId,
        String workerId,
        String workerUrl,
        int cores,
        long memoryMb,
        ExecutorState state,
        Integer exitCode,
        String message,
        Instant launchedAt,
        Instant startedAt,
        Instant endedAt,
        Long pid,
        Map<String, List<String>> resourceAddresses) {

    public ExecutorView {
        resourceAddresses = resourceAddresses == null ? Map.of() : resourceAddresses;
    }

    /** An executor without custom resources. */
    public ExecutorView(String appId, int executorId, String workerId, String workerUrl, int cores, long memoryMb,
            ExecutorState state, Integer exitCode, String message, Instant launchedAt, Instant startedAt,
            Instant endedAt, Long pid) {
        this(appId, executorId, workerId, workerUrl, cores, memoryMb, state, exitCode, message, launchedAt, startedAt,
                endedAt, pid, Map.of());
    }
}
