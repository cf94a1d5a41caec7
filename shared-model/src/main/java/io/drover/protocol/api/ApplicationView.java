package io.drover.protocol.api;

import io.drover.protocol.Scheduling;
import io.drover.protocol.state.ApplicationState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One application as the API shows it, with its executors (live ones first, then the last ones that
 * ended).
 *
 * @param maxCores the cap in force (its own, or the master's default); null means unlimited
 * @param executorLimit the most executors at once; null means unlimited
 * @param coresGranted cores of its executors that have not ended
 * @param message why it ended, when there is more to say (for FAILED: the executors' failures)
 * @param submittedBy the name of the token it was registered with (a driver's is {@code driver/<driverId>})
 * @param killedBy the name of the token that killed it; null unless someone did
 * @param queue the queue it waits or runs in
 * @param priority its priority inside the queue (higher goes first)
 * @param resourcesPerExecutor custom resources each executor asks for, amounts by name
 * @param waitingReason why its next executor is not placed, as the latest placement round saw it; null when
 *     it holds all it asked for or got an executor in that round
 * @param webUiUrl the application's own web UI (a Spark application's UI), when it gave one
 */
public record ApplicationView(
        String appId,
        String name,
        ApplicationState state,
        String driverId,
        String driverUrl,
        Integer coresPerExecutor,
        long memoryPerExecutorMb,
        Integer maxCores,
        Integer executorLimit,
        int coresGranted,
        Instant submittedAt,
        Instant endedAt,
        String message,
        List<ExecutorView> executors,
        String submittedBy,
        String killedBy,
        String queue,
        Integer priority,
        Map<String, Integer> resourcesPerExecutor,
        String waitingReason,
        String webUiUrl) {

    /** The fields issue 14 added are boxed and defaulted, so a reply from an earlier master still reads. */
    public ApplicationView {
        queue = queue == null ? Scheduling.DEFAULT_QUEUE : queue;
        priority = priority == null ? 0 : priority;
        executors = executors == null ? List.of() : List.copyOf(executors);
        resourcesPerExecutor = resourcesPerExecutor == null ? Map.of() : resourcesPerExecutor;
    }

    /** An application without a web UI of its own. */
    public ApplicationView(String appId, String name, ApplicationState state, String driverId, String driverUrl,
            Integer coresPerExecutor, long memoryPerExecutorMb, Integer maxCores, Integer executorLimit,
            int coresGranted, Instant submittedAt, Instant endedAt, String message, List<ExecutorView> executors,
            String submittedBy, String killedBy) {
        this(appId, name, state, driverId, driverUrl, coresPerExecutor, memoryPerExecutorMb, maxCores, executorLimit,
                coresGranted, submittedAt, endedAt, message, executors, submittedBy, killedBy, null, null, null, null, null);
    }
}
