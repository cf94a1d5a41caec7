package io.drover.master.state.model;

import io.drover.protocol.Scheduling;
import io.drover.protocol.resources.Resources;
import io.drover.protocol.state.WorkerState;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A worker as the master knows it. Immutable: the state machine replaces entries, so a published snapshot
 * never changes under a reader.
 *
 * @param used cores and memory of the drivers and executors placed on it that have not ended
 * @param deadSince when it was declared DEAD, or became DECOMMISSIONED; null while alive
 * @param executorKeys its live executors, as {@code <appId>/<executorId>}
 * @param protocolUrl where the master calls it (launches, kills): its internal URL, or {@code url} for a
 *     worker that gave none
 * @param resources its custom resources: offered addresses, and those its live drivers and executors hold
 * @param attributes what it registered itself as; placement may require some
 * @param drain set while it is being decommissioned, and kept once DECOMMISSIONED; null otherwise
 * @param health whether it may take new work for its own sake (its checks, its launches)
 * @param isolation how it confines its children, as it registered ({@code process}, {@code none}); null when
 *     it did not say
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
        String protocolUrl,
        CustomResources resources,
        Map<String, String> attributes,
        Drain drain,
        Health health,
        String isolation) {

    public WorkerEntry {
        driverIds = Collections.unmodifiableSet(new LinkedHashSet<>(driverIds));
        executorKeys = Collections.unmodifiableSet(new LinkedHashSet<>(executorKeys));
        protocolUrl = protocolUrl != null ? protocolUrl : url;
        resources = resources != null ? resources : CustomResources.NONE;
        attributes = attributes != null ? Map.copyOf(attributes) : Map.of();
        health = health != null ? health : Health.HEALTHY;
    }

    /** An entry without custom resources or attributes, healthy and not being decommissioned. */
    public WorkerEntry(String workerId, String host, int port, String url, Resources total, Resources used,
            WorkerState state, Instant registeredAt, Instant lastHeartbeat, Instant deadSince, Set<String> driverIds,
            Set<String> executorKeys, String protocolUrl) {
        this(workerId, host, port, url, total, used, state, registeredAt, lastHeartbeat, deadSince, driverIds,
                executorKeys, protocolUrl, CustomResources.NONE, Map.of(), null, Health.HEALTHY, null);
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

    /**
     * ALIVE: it counts in the cluster's totals and may be given work. Placement further leaves out a worker that
     * is being decommissioned or is unhealthy (see {@link #takesNewWork()}).
     */
    public boolean acceptsWork() {
        return state == WorkerState.ALIVE;
    }

    /** Whether it can run a command that needs Spark ({@code {{SPARK_CLASSPATH}}}): it registered a Spark version. */
    public boolean hasSpark() {
        return attributes.containsKey(Scheduling.SPARK_VERSION_ATTRIBUTE);
    }

    /** The Spark version it offers, or null without Spark. */
    public String sparkVersion() {
        return attributes.get(Scheduling.SPARK_VERSION_ATTRIBUTE);
    }

    /** Placement may give it new work: ALIVE, not being decommissioned, healthy. */
    public boolean takesNewWork() {
        return state == WorkerState.ALIVE && drain == null && health.healthy();
    }

    /** It is being decommissioned: still ALIVE, running what it has, taking nothing new. */
    public boolean isDraining() {
        return state == WorkerState.ALIVE && drain != null;
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
        return with(state, now, deadSince, used, driverIds, executorKeys, resources);
    }

    /** What it offers and where it takes the master's calls, as its latest registration says. */
    public WorkerEntry withOffer(Resources offered, String calledAt) {
        return new WorkerEntry(workerId, host, port, url, offered, used, state, registeredAt, lastHeartbeat, deadSince,
                driverIds, executorKeys, calledAt, resources, attributes, drain, health, isolation);
    }

    /** Its custom resources and attributes, as its latest registration says. */
    public WorkerEntry withCapabilities(Map<String, List<String>> offered, Map<String, String> values) {
        return new WorkerEntry(workerId, host, port, url, total, used, state, registeredAt, lastHeartbeat, deadSince,
                driverIds, executorKeys, protocolUrl, resources.reoffered(offered), values, drain, health, isolation);
    }

    /** As stored: what runs on it is rebuilt from the drivers and executors placed there. */
    public WorkerEntry withoutWork() {
        return with(state, lastHeartbeat, deadSince, Resources.NONE, Set.of(), Set.of(), resources.unused());
    }

    /** A master that took over does not know yet whether it still runs: it waits for its answer. */
    public WorkerEntry unknown() {
        return with(WorkerState.UNKNOWN, lastHeartbeat, deadSince, used, driverIds, executorKeys, resources);
    }

    /** Back after a master took over: it answered with its inventory and heartbeats again. */
    public WorkerEntry rejoined(Instant now) {
        return with(WorkerState.ALIVE, now, null, used, driverIds, executorKeys, resources);
    }

    public WorkerEntry dead(Instant now) {
        return with(WorkerState.DEAD, lastHeartbeat, now, Resources.NONE, Set.of(), Set.of(), resources.unused());
    }

    /** Decommissioned for good: nothing runs there any more, and it never takes work again under this id. */
    public WorkerEntry decommissioned(Instant now) {
        return with(WorkerState.DECOMMISSIONED, lastHeartbeat, now, Resources.NONE, Set.of(), Set.of(),
                resources.unused());
    }

    /** It is being decommissioned from now on. */
    public WorkerEntry draining(Drain why) {
        return new WorkerEntry(workerId, host, port, url, total, used, state, registeredAt, lastHeartbeat, deadSince,
                driverIds, executorKeys, protocolUrl, resources, attributes, why, health, isolation);
    }

    /** How it confines its children, as its latest registration says. */
    public WorkerEntry withIsolation(String reported) {
        return new WorkerEntry(workerId, host, port, url, total, used, state, registeredAt, lastHeartbeat, deadSince,
                driverIds, executorKeys, protocolUrl, resources, attributes, drain, health, reported);
    }

    public WorkerEntry withHealth(Health next) {
        return new WorkerEntry(workerId, host, port, url, total, used, state, registeredAt, lastHeartbeat, deadSince,
                driverIds, executorKeys, protocolUrl, resources, attributes, drain, next, isolation);
    }

    public WorkerEntry withDriver(String driverId, Resources demand) {
        return withDriver(driverId, demand, Map.of());
    }

    public WorkerEntry withDriver(String driverId, Resources demand, Map<String, List<String>> addresses) {
        Set<String> ids = new LinkedHashSet<>(driverIds);
        ids.add(driverId);
        return with(state, lastHeartbeat, deadSince, used.plus(demand), ids, executorKeys, resources.assign(addresses));
    }

    public WorkerEntry withoutDriver(String driverId, Resources demand) {
        return withoutDriver(driverId, demand, Map.of());
    }

    public WorkerEntry withoutDriver(String driverId, Resources demand, Map<String, List<String>> addresses) {
        if (!driverIds.contains(driverId)) {
            return this;
        }
        Set<String> ids = new LinkedHashSet<>(driverIds);
        ids.remove(driverId);
        return with(state, lastHeartbeat, deadSince, used.minus(demand), ids, executorKeys,
                resources.release(addresses));
    }

    public WorkerEntry withExecutor(String key, Resources demand) {
        return withExecutor(key, demand, Map.of());
    }

    public WorkerEntry withExecutor(String key, Resources demand, Map<String, List<String>> addresses) {
        Set<String> keys = new LinkedHashSet<>(executorKeys);
        keys.add(key);
        return with(state, lastHeartbeat, deadSince, used.plus(demand), driverIds, keys, resources.assign(addresses));
    }

    public WorkerEntry withoutExecutor(String key, Resources demand) {
        return withoutExecutor(key, demand, Map.of());
    }

    public WorkerEntry withoutExecutor(String key, Resources demand, Map<String, List<String>> addresses) {
        if (!executorKeys.contains(key)) {
            return this;
        }
        Set<String> keys = new LinkedHashSet<>(executorKeys);
        keys.remove(key);
        return with(state, lastHeartbeat, deadSince, used.minus(demand), driverIds, keys,
                resources.release(addresses));
    }

    private WorkerEntry with(WorkerState nextState, Instant heartbeat, Instant since, Resources nextUsed,
            Set<String> drivers, Set<String> executors, CustomResources nextResources) {
        return new WorkerEntry(workerId, host, port, url, total, nextUsed, nextState, registeredAt, heartbeat, since,
                drivers, executors, protocolUrl, nextResources, attributes, drain, health, isolation);
    }
}
