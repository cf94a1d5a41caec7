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
 * @param protocolUrl where the master calls it (launches, kills): its internal URL, or {@code url} for a
 *     worker that gave none
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
        String protocolUrl) {

    public WorkerEntry {
        driverIds = Collections.unmodifiableSet(new LinkedHashSet<>(driverIds));
        executorKeys = Collections.unmodifiableSet(new LinkedHashSet<>(executorKeys));
        protocolUrl = protocolUrl != null ? protocolUrl : url;
    }

    /** An entry for a worker called at its public URL. */
    public WorkerEntry(String workerId, String host, int port, String url, Resources total, Resources used,
            WorkerState state, Instant registeredAt, Instant lastHeartbeat, Instant deadSince, Set<String> driverIds,
            Set<String> executorKeys) {
        this(workerId, host, port, url, total, used, state, registeredAt, lastHeartbeat, deadSince, driverIds,
                executorKeys, url);
    }

    public static WorkerEntry registered(String workerId, String host, int port, String url, Resources total,
            Instant now) {
        return registered(workerId, host, port, url, total, now, url);
    }

    public static WorkerEntry registered(String workerId, String host, int port, String url, Resources total,
            Instant now, String protocolUrl) {
        return new WorkerEntry(workerId, host, port, url, total, Resources.NONE, WorkerState.ALIVE, now, now, null,
                Set.of(), Set.of(), protocolUrl);
    }

    public Resources free() {
        return total.minus(used);
    }

    /** Placement may give it new work. */
    public boolean acceptsWork() {
        return state == WorkerState.ALIVE;
    }

    /** It heartbeats to this master: its heartbeats are taken, and its silence makes it DEAD. */
    public boolean isConnected() {
        return state == WorkerState.ALIVE;
    }

    /**
     * It may still run work of ours: ALIVE, or UNKNOWN while a master that took over waits for it to answer.
     * Kills and notices are sent to it; its logs may be read.
     */
    public boolean mayRunWork() {
        return state == WorkerState.ALIVE || state == WorkerState.UNKNOWN;
    }

    /**
     * When it was last heard from, given its latest heartbeat kept outside the entry (null when none came
     * since it registered): the later of the two.
     */
    public Instant lastHeardFrom(Instant latestHeartbeat) {
        return latestHeartbeat != null && latestHeartbeat.isAfter(lastHeartbeat) ? latestHeartbeat : lastHeartbeat;
    }

    public WorkerEntry heartbeatAt(Instant now) {
        return new WorkerEntry(workerId, host, port, url, total, used, state, registeredAt, now, deadSince, driverIds,
                executorKeys, protocolUrl);
    }

    /** What it offers and where it takes the master's calls, as its latest registration says. */
    public WorkerEntry withOffer(Resources offered, String calledAt) {
        return new WorkerEntry(workerId, host, port, url, offered, used, state, registeredAt, lastHeartbeat, deadSince,
                driverIds, executorKeys, calledAt);
    }

    /** As stored: what runs on it is rebuilt from the drivers and executors placed there. */
    public WorkerEntry withoutWork() {
        return new WorkerEntry(workerId, host, port, url, total, Resources.NONE, state, registeredAt, lastHeartbeat,
                deadSince, Set.of(), Set.of(), protocolUrl);
    }

    /** A master that took over does not know yet whether it still runs: it waits for its answer. */
    public WorkerEntry unknown() {
        return new WorkerEntry(workerId, host, port, url, total, used, WorkerState.UNKNOWN, registeredAt,
                lastHeartbeat, deadSince, driverIds, executorKeys, protocolUrl);
    }

    /** Back after a master took over: it answered with its inventory and heartbeats again. */
    public WorkerEntry rejoined(Instant now) {
        return new WorkerEntry(workerId, host, port, url, total, used, WorkerState.ALIVE, registeredAt, now, null,
                driverIds, executorKeys, protocolUrl);
    }

    public WorkerEntry dead(Instant now) {
        return new WorkerEntry(workerId, host, port, url, total, Resources.NONE, WorkerState.DEAD, registeredAt,
                lastHeartbeat, now, Set.of(), Set.of(), protocolUrl);
    }

    public WorkerEntry withDriver(String driverId, Resources demand) {
        Set<String> ids = new LinkedHashSet<>(driverIds);
        ids.add(driverId);
        return new WorkerEntry(workerId, host, port, url, total, used.plus(demand), state, registeredAt,
                lastHeartbeat, deadSince, ids, executorKeys, protocolUrl);
    }

    public WorkerEntry withoutDriver(String driverId, Resources demand) {
        if (!driverIds.contains(driverId)) {
            return this;
        }
        Set<String> ids = new LinkedHashSet<>(driverIds);
        ids.remove(driverId);
        return new WorkerEntry(workerId, host, port, url, total, used.minus(demand), state, registeredAt,
                lastHeartbeat, deadSince, ids, executorKeys, protocolUrl);
    }

    public WorkerEntry withExecutor(String key, Resources demand) {
        Set<String> keys = new LinkedHashSet<>(executorKeys);
        keys.add(key);
        return new WorkerEntry(workerId, host, port, url, total, used.plus(demand), state, registeredAt,
                lastHeartbeat, deadSince, driverIds, keys, protocolUrl);
    }

    public WorkerEntry withoutExecutor(String key, Resources demand) {
        if (!executorKeys.contains(key)) {
            return this;
        }
        Set<String> keys = new LinkedHashSet<>(executorKeys);
        keys.remove(key);
        return new WorkerEntry(workerId, host, port, url, total, used.minus(demand), state, registeredAt,
                lastHeartbeat, deadSince, driverIds, keys, protocolUrl);
    }
}
