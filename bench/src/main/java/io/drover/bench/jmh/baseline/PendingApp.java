package io.drover.bench.jmh.baseline;

import java.util.Objects;
import java.util.Set;

/**
 * An application that still wants executors, and what each executor needs.
 *
 * <p>The numbers are what is still to grant, not the application's totals: the caller knows what the
 * application already holds, the placement does not. Either count may come out zero or negative (the
 * executor limit can be lowered below the live executors, cores held can exceed a lowered cap); the
 * application then gets nothing this round rather than being rejected.
 *
 * @param appId the application
 * @param coresPerExecutor cores of each executor, or {@code null} when unset: one executor per worker,
 *        taking all the cores granted on that worker
 * @param memoryPerExecutorMb memory of each executor, charged once per executor
 * @param coresWanted cores still to grant: {@code maxCores} minus the cores held, {@link Integer#MAX_VALUE}
 *        when unlimited
 * @param executorsAllowed executors it may still add: the executor limit minus the live executors,
 *        {@link Integer#MAX_VALUE} when unlimited
 * @param workersWithExecutor workers that already run a live executor of this application; only matters when
 *        {@code coresPerExecutor} is unset, since such a worker must not get a second one
 * @param needsSpark whether its executors run only on workers with Spark (issue 12)
 */
public record PendingApp(String appId, Integer coresPerExecutor, long memoryPerExecutorMb, int coresWanted,
        int executorsAllowed, Set<String> workersWithExecutor, boolean needsSpark) {

    /** An application whose executors run on any worker. */
    public PendingApp(String appId, Integer coresPerExecutor, long memoryPerExecutorMb, int coresWanted,
            int executorsAllowed, Set<String> workersWithExecutor) {
        this(appId, coresPerExecutor, memoryPerExecutorMb, coresWanted, executorsAllowed, workersWithExecutor, false);
    }

    public PendingApp {
        Objects.requireNonNull(appId, "appId");
        if (coresPerExecutor != null && coresPerExecutor <= 0) {
            throw new IllegalArgumentException("coresPerExecutor must be positive or unset: " + coresPerExecutor);
        }
        if (memoryPerExecutorMb < 0) {
            throw new IllegalArgumentException("memoryPerExecutorMb must not be negative: " + memoryPerExecutorMb);
        }
        // A copy, so a caller that keeps changing its set cannot change a snapshot taken for a round.
        workersWithExecutor = Set.copyOf(Objects.requireNonNull(workersWithExecutor, "workersWithExecutor"));
    }
}
