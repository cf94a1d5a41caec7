package io.drover.protocol.api;

import io.drover.protocol.state.ApplicationState;
import java.time.Instant;
import java.util.List;

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
        String webUiUrl) {

    public ApplicationView {
        executors = executors == null ? List.of() : List.copyOf(executors);
    }

    /** An application without a web UI of its own. */
    public ApplicationView(String appId, String name, ApplicationState state, String driverId, String driverUrl,
            Integer coresPerExecutor, long memoryPerExecutorMb, Integer maxCores, Integer executorLimit,
            int coresGranted, Instant submittedAt, Instant endedAt, String message, List<ExecutorView> executors,
            String submittedBy, String killedBy) {
        this(appId, name, state, driverId, driverUrl, coresPerExecutor, memoryPerExecutorMb, maxCores, executorLimit,
                coresGranted, submittedAt, endedAt, message, executors, submittedBy, killedBy, null);
    }
}
