package io.drover.master.state.model;

import io.drover.protocol.resources.Resources;
import io.drover.protocol.state.WorkerState;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A worker as the master knows it. Immutable: the state machine replaces entries, so a published snapshot
 * never changes under a reader.
 *
 * @param used cores and memory of the drivers and executors placed on it that have not ended
 * @param deadSince when it was declared DEAD; null while alive
 * @param executorKeys its live executors, as {@code <appId>/<executorId>}
 * @param sparkVersion the Spark it offers (issue 12); null when it has none, and then it runs no driver or
 *     executor whose command needs Spark
 */
public record WorkerEntry(
        String workerId,
        String host,
        int port,
        String url,
        Resources total,
        Resources used,
        WorkerState state,
        Instant registeredAt,
        Instant lastHeartbeat,
        Instant deadSince,
        Set<String> driverIds,
        Set<String> executorKeys,
        String sparkVersion) {

    public WorkerEntry {
        driverIds = Collections.unmodifiableSet(new LinkedHashSet<>(driverIds));
        executorKeys = Collections.unmodifiableSet(new LinkedHashSet<>(executorKeys));
    }

    public static WorkerEntry registered(String workerId, String host, int port, String url, Resources total,
            Instant now) {
        return registered(workerId, host, port, url, total, null, now);
    }

    public static WorkerEntry registered(String workerId, String host, int port, String url, Resources total,
            String sparkVersion, Instant now) {
        return new WorkerEntry(workerId, host, port, url, total, Resources.NONE, WorkerState.ALIVE, now, now, null,
                Set.of(), Set.of(), sparkVersion);
    }

    /** Whether it can run a command that needs Spark ({@code {{SPARK_CLASSPATH}}}). */
    public boolean hasSpark() {
        return sparkVersion != null;
    }

    public Resources free() {
        return total.minus(used);
    }

    public boolean isAlive() {
        return state == WorkerState.ALIVE;
    }

    public WorkerEntry heartbeatAt(Instant now) {
        return new WorkerEntry(workerId, host, port, url, total, used, state, registeredAt, now, deadSince, driverIds,
                executorKeys, sparkVersion);
    }

    public WorkerEntry dead(Instant now) {
        return new WorkerEntry(workerId, host, port, url, total, Resources.NONE, WorkerState.DEAD, registeredAt,
                lastHeartbeat, now, Set.of(), Set.of(), sparkVersion);
    }

    public WorkerEntry withDriver(String driverId, Resources demand) {
        Set<String> ids = new LinkedHashSet<>(driverIds);
        ids.add(driverId);
        return new WorkerEntry(workerId, host, port, url, total, used.plus(demand), state, registeredAt,
                lastHeartbeat, deadSince, ids, executorKeys, sparkVersion);
    }

    public WorkerEntry withoutDriver(String driverId, Resources demand) {
        if (!driverIds.contains(driverId)) {
            return this;
        }
        Set<String> ids = new LinkedHashSet<>(driverIds);
        ids.remove(driverId);
        return new WorkerEntry(workerId, host, port, url, total, used.minus(demand), state, registeredAt,
                lastHeartbeat, deadSince, ids, executorKeys, sparkVersion);
    }

    public WorkerEntry withExecutor(String key, Resources demand) {
        Set<String> keys = new LinkedHashSet<>(executorKeys);
        keys.add(key);
        return new WorkerEntry(workerId, host, port, url, total, used.plus(demand), state, registeredAt,
                lastHeartbeat, deadSince, driverIds, keys, sparkVersion);
    }

    public WorkerEntry withoutExecutor(String key, Resources demand) {
        if (!executorKeys.contains(key)) {
            return this;
        }
        Set<String> keys = new LinkedHashSet<>(executorKeys);
        keys.remove(key);
        return new WorkerEntry(workerId, host, port, url, total, used.minus(demand), state, registeredAt,
                lastHeartbeat, deadSince, driverIds, keys, sparkVersion);
    }
}
