package io.drover.master.scheduling.placement;

import io.drover.protocol.Scheduling;
import io.drover.protocol.resources.ResourceAddresses;
import java.util.Map;
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
 * @param seq its registration order: older first among equal priorities
 * @param coresPerExecutor cores of each executor, or {@code null} when unset: one executor per worker,
 *        taking all the cores granted on that worker
 * @param memoryPerExecutorMb memory of each executor, charged once per executor
 * @param resourcesPerExecutor custom resources of each executor, amounts by name, charged once per executor
 * @param coresWanted cores still to grant: {@code maxCores} minus the cores held, {@link Integer#MAX_VALUE}
 *        when unlimited
 * @param executorsAllowed executors it may still add: the executor limit minus the live executors,
 *        {@link Integer#MAX_VALUE} when unlimited
 * @param workersWithExecutor workers that already run a live executor of this application; only matters when
 *        {@code coresPerExecutor} is unset, since such a worker must not get a second one
 * @param requiredAttributes worker attributes its executors need, by name; an empty value means any value
 */
public record AppAsk(String appId, String queue, int priority, long seq, Integer coresPerExecutor,
        long memoryPerExecutorMb, Map<String, Integer> resourcesPerExecutor, int coresWanted, int executorsAllowed,
        Set<String> workersWithExecutor, Map<String, String> requiredAttributes) {

    public AppAsk {
        Objects.requireNonNull(appId, "appId");
        if (coresPerExecutor != null && coresPerExecutor <= 0) {
            throw new IllegalArgumentException("coresPerExecutor must be positive or unset: " + coresPerExecutor);
        }
        if (memoryPerExecutorMb < 0) {
            throw new IllegalArgumentException("memoryPerExecutorMb must not be negative: " + memoryPerExecutorMb);
        }
        queue = queue == null ? Scheduling.DEFAULT_QUEUE : queue;
        resourcesPerExecutor = ResourceAddresses.copyOfAmounts(resourcesPerExecutor);
        // A copy, so a caller that keeps changing its set cannot change a snapshot taken for a round.
        workersWithExecutor = Set.copyOf(Objects.requireNonNull(workersWithExecutor, "workersWithExecutor"));
        requiredAttributes = requiredAttributes == null ? Map.of() : Map.copyOf(requiredAttributes);
    }

    /** An application of the default queue at priority 0 whose executors need cores and memory only. */
    public static AppAsk of(String appId, long seq, Integer coresPerExecutor, long memoryPerExecutorMb,
            int coresWanted, int executorsAllowed, Set<String> workersWithExecutor) {
        return new AppAsk(appId, Scheduling.DEFAULT_QUEUE, 0, seq, coresPerExecutor, memoryPerExecutorMb, Map.of(),
                coresWanted, executorsAllowed, workersWithExecutor, Map.of());
    }

    /** The cores of one grant: an executor's worth, or one core when executors take what their worker grants. */
    int minCores() {
        return coresPerExecutor == null ? 1 : coresPerExecutor;
    }

    boolean oneExecutorPerWorker() {
        return coresPerExecutor == null;
    }

    /** Whether it still wants anything at all. */
    public boolean wantsMore() {
        return coresWanted >= minCores() && executorsAllowed > 0;
    }

    Shape shape() {
        return new Shape(minCores(), memoryPerExecutorMb, resourcesPerExecutor, requiredAttributes);
    }
}
