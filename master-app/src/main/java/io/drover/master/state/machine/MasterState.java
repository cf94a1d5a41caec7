package io.drover.master.state.machine;

import io.drover.master.scheduling.SchedulingView;
import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.master.state.model.ExecutorMap;
import io.drover.master.state.model.WaitReasons;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.resources.Resources;
import io.drover.protocol.state.MasterStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The master's live state. Only the state store's inbox thread touches it, so it needs no locks; everyone
 * else reads the {@link ClusterSnapshot} it publishes. Entries are immutable records and every change
 * replaces one, so a snapshot is a shallow copy of the maps, made again only for the maps that changed.
 *
 * <p>The methods here keep the indexes consistent (a driver placed on a worker is also in that worker's
 * driver set and counts in its used resources); handlers never edit the maps directly. Every change also
 * marks what it touched, so the store writes exactly those records after the batch ({@link #drainChanges}):
 * durability cannot be forgotten by a handler.
 */
public final class MasterState implements SchedulingView {

    /** Ended executors an application keeps listing; live ones are always kept. */
    static final int RETAINED_EXECUTORS_PER_APP = 1000;

    private final Supplier<String> url;
    private final int retainedDrivers;
    private final int retainedApplications;
    private final TrackedMap<String, WorkerEntry> workers = new TrackedMap<>();
    private final TrackedMap<String, DriverEntry> drivers = new TrackedMap<>();
    private final TrackedMap<String, DriverEntry> completedDrivers = new TrackedMap<>();
    private final TrackedMap<String, ApplicationEntry> apps = new TrackedMap<>();
    private final TrackedMap<String, ApplicationEntry> completedApps = new TrackedMap<>();
    /**
     * The latest heartbeat of each worker, outside its entry: a heartbeat that changes nothing else then
     * changes no entry, and the published snapshot is not rebuilt for it. Written on the inbox thread only;
     * readers of snapshots see the latest times through a read-only view.
     */
    private final Map<String, Instant> heartbeats = new ConcurrentHashMap<>();
    private final Map<String, Instant> heartbeatsView = Collections.unmodifiableMap(heartbeats);
    private final WorkerIndex index = new WorkerIndex();
    private final HeldResources held = new HeldResources();
    private ClusterSnapshot published;
    private MasterStatus status = MasterStatus.STANDBY;
    private long epoch;
    private String leaderUrl;
    private Instant recoveryStartedAt;
    private long nextDriverNumber;
    private long nextAppNumber;
    private Changes.Builder changes = new Changes.Builder();
    /** Not stored: every placement round says it again. */
    private WaitReasons waiting = WaitReasons.NONE;

    /** @param url the master's public URL; a supplier because the port is known only once the server is up */
    public MasterState(Supplier<String> url, int retainedDrivers, int retainedApplications) {
        this.url = url;
        this.retainedDrivers = retainedDrivers;
        this.retainedApplications = retainedApplications;
    }

    public String url() {
        return url.get();
    }

    public long epoch() {
        return epoch;
    }

    public MasterStatus status() {
        return status;
    }

    public Optional<String> leaderUrl() {
        return Optional.ofNullable(leaderUrl);
    }

    /** When the current recovery began; null unless RECOVERING. */
    public Instant recoveryStartedAt() {
        return recoveryStartedAt;
    }

    /** Why what waits waits, as the latest placement round said. */
    void waiting(WaitReasons reasons) {
        waiting = reasons;
    }

    public Optional<WorkerEntry> worker(String workerId) {
        return Optional.ofNullable(workers.get(workerId));
    }

    @Override
    public Map<String, WorkerEntry> workers() {
        return Collections.unmodifiableMap(workers);
    }

    public Optional<DriverEntry> activeDriver(String driverId) {
        return Optional.ofNullable(drivers.get(driverId));
    }

    public Optional<DriverEntry> anyDriver(String driverId) {
        DriverEntry active = drivers.get(driverId);
        return active != null ? Optional.of(active) : Optional.ofNullable(completedDrivers.get(driverId));
    }

    @Override
    public Map<String, DriverEntry> activeDrivers() {
        return Collections.unmodifiableMap(drivers);
    }

    public Optional<ApplicationEntry> activeApp(String appId) {
        return Optional.ofNullable(apps.get(appId));
    }

    public Optional<ApplicationEntry> anyApp(String appId) {
        ApplicationEntry active = apps.get(appId);
        return active != null ? Optional.of(active) : Optional.ofNullable(completedApps.get(appId));
    }

    @Override
    public Map<String, ApplicationEntry> activeApps() {
        return Collections.unmodifiableMap(apps);
    }

    // ---- the lifecycle (changed only by the lifecycle handler)

    void status(MasterStatus next, Instant now) {
        status = next;
        recoveryStartedAt = next == MasterStatus.RECOVERING ? now : null;
    }

    void leaderUrl(String url) {
        leaderUrl = url;
    }

    /** A new leader epoch: written with the batch that sets it. */
    void epoch(long next) {
        epoch = next;
        changes.epoch(next);
    }

    /**
     * Takes over what was stored: the entries as they were, workers as the store had them (the caller marks
     * them UNKNOWN), and the id counters. Nothing is marked changed: this is what the store already holds.
     */
    void restore(RecoveredState recovered) {
        clear();
        epoch = recovered.epoch();
        nextDriverNumber = recovered.counters().nextDriverNumber();
        nextAppNumber = recovered.counters().nextAppNumber();
        recovered.workers().forEach(w -> putWorkerEntry(w.withoutWork()));
        for (DriverEntry driver : recovered.drivers()) {
            if (driver.state().isTerminal()) {
                completedDrivers.put(driver.driverId(), driver);
            } else {
                drivers.put(driver.driverId(), driver);
                if (driver.workerId() != null) {
                    workers.computeIfPresent(driver.workerId(), (id, w) -> w.withDriver(driver.driverId(),
                            driver.demand(), driver.resourceAddresses()));
                }
            }
        }
        for (ApplicationEntry app : recovered.applications()) {
            if (app.state().isTerminal()) {
                completedApps.put(app.appId(), app);
                continue;
            }
            apps.put(app.appId(), app);
            for (ExecutorEntry executor : app.executors().values()) {
                if (executor.isLive()) {
                    workers.computeIfPresent(executor.workerId(), (id, w) -> w.withExecutor(executor.key(),
                            executor.resources(), executor.resourceAddresses()));
                }
            }
        }
        changes = new Changes.Builder();
    }

    /** Forgets everything: a master that stops leading keeps nothing that could be ahead of the store. */
    void clear() {
        workers.clear();
        drivers.clear();
        completedDrivers.clear();
        apps.clear();
        completedApps.clear();
        heartbeats.clear();
        index.clear();
        held.clear();
        epoch = 0;
        nextDriverNumber = 0;
        nextAppNumber = 0;
        recoveryStartedAt = null;
        waiting = WaitReasons.NONE;
        changes = new Changes.Builder();
    }

    /** What changed since the last call: the records the store must write (or delete) now. */
    public Changes drainChanges() {
        Changes drained = changes.build();
        changes = new Changes.Builder();
        return drained;
    }

    // ---- ids

    /** The number of the next driver: its id's suffix and its place in the queue. */
    long nextDriverNumber() {
        changes.counters(new IdCounters(nextDriverNumber + 1, nextAppNumber));
        return nextDriverNumber++;
    }

    long nextAppNumber() {
        changes.counters(new IdCounters(nextDriverNumber, nextAppNumber + 1));
        return nextAppNumber++;
    }

    // ---- applications and executors

    void putApp(ApplicationEntry app) {
        apps.put(app.appId(), app);
        changes.app(app.appId());
    }

    /** Adds a just-placed executor to its application and to its worker's accounting. */
    void launchExecutor(ExecutorEntry executor) {
        ApplicationEntry app = apps.get(executor.appId());
        apps.put(app.appId(), app.withExecutor(executor, app.consecutiveFailures(), app.nextExecutorId() + 1));
        WorkerEntry worker = workers.get(executor.workerId());
        workers.put(worker.workerId(), worker.withExecutor(executor.key(), executor.resources(),
                executor.resourceAddresses()));
        changes.app(app.appId()).executor(executor.key());
    }

    /**
     * Replaces an executor of an active application. One that ended frees its worker's resources, and the
     * application forgets its oldest ended executors beyond {@link #RETAINED_EXECUTORS_PER_APP}.
     */
    void updateExecutor(ExecutorEntry executor, int consecutiveFailures) {
        updateExecutor(executor, consecutiveFailures, false);
    }

    /**
     * Ends an executor from the master's side: its worker has been told to stop it, and until the worker says
     * the process is gone ({@link #releaseHeld}) its cores and memory stay held there.
     */
    void endExecutorHeld(ExecutorEntry ended, int consecutiveFailures) {
        updateExecutor(ended, consecutiveFailures, true);
    }

    private void updateExecutor(ExecutorEntry executor, int consecutiveFailures, boolean hold) {
        ApplicationEntry app = apps.get(executor.appId());
        ApplicationEntry updated = app.withExecutor(executor, consecutiveFailures, app.nextExecutorId());
        if (!executor.isLive()) {
            WorkerEntry worker = workers.get(executor.workerId());
            if (worker != null && hold && worker.mayRunWork()) {
                held.hold(executor.key(), worker.workerId(), executor.resources(), executor.resourceAddresses(),
                        executor.endedAt());
            } else if (worker != null) {
                workers.put(worker.workerId(), worker.withoutExecutor(executor.key(), executor.resources(),
                        executor.resourceAddresses()));
            }
            updated = pruneEnded(updated);
        }
        apps.put(app.appId(), updated);
        changes.executor(executor.key());
        if (consecutiveFailures != app.consecutiveFailures()) {
            changes.app(app.appId());
        }
    }

    private ApplicationEntry pruneEnded(ApplicationEntry app) {
        long ended = app.executors().size() - app.liveExecutors();
        if (ended <= RETAINED_EXECUTORS_PER_APP) {
            return app;
        }
        // The oldest ended ones go: they come first, in launch order, so this rarely reads far.
        List<Integer> dropped = new ArrayList<>();
        long drop = ended - RETAINED_EXECUTORS_PER_APP;
        for (ExecutorEntry e : app.executors().values()) {
            if (drop == 0) {
                break;
            }
            if (!e.isLive()) {
                drop--;
                dropped.add(e.executorId());
                changes.executor(e.key());
            }
        }
        return app.withExecutors(ExecutorMap.of(app.executors()).without(dropped));
    }

    /** Moves an ended application (its executors already ended) to the bounded completed list. */
    void completeApp(ApplicationEntry ended) {
        apps.remove(ended.appId());
        completedApps.put(ended.appId(), ended);
        changes.app(ended.appId());
        while (completedApps.size() > retainedApplications) {
            ApplicationEntry oldest = completedApps.remove(completedApps.keySet().iterator().next());
            changes.app(oldest.appId());
            oldest.executors().values().forEach(e -> changes.executor(e.key()));
        }
    }

    // ---- workers

    void putWorker(WorkerEntry worker) {
        putWorkerEntry(worker);
        if (!worker.mayRunWork()) {
            held.dropOn(worker.workerId());
        }
        changes.worker(worker.workerId());
    }

    /** Puts an entry and keeps the address index and the count of UNKNOWN workers in step. */
    private void putWorkerEntry(WorkerEntry worker) {
        WorkerEntry previous = workers.put(worker.workerId(), worker);
        if (previous != null) {
            index.remove(previous);
        }
        index.add(worker);
    }

    /** Whether an ended executor still holds its cores and memory on its worker ({@link HeldResources}). */
    boolean isHeld(String executorKey) {
        return held.isHeld(executorKey);
    }

    boolean heldSince(String executorKey, Instant cutoff) {
        return held.heldSince(executorKey, cutoff);
    }

    /** The worker says the executor's process is gone: what it held there is free. */
    void releaseHeld(String workerId, String executorKey) {
        HeldResources.Held freed = held.release(workerId, executorKey);
        WorkerEntry worker = workers.get(workerId);
        if (freed != null && worker != null) {
            workers.put(workerId, worker.withoutExecutor(executorKey, freed.resources(), freed.addresses()));
        }
    }

    /** The workers registered from this public URL, in registration order. */
    List<WorkerEntry> workersAt(String url) {
        return index.idsAt(url).stream().map(workers::get).toList();
    }

    /** How many workers a master that took over still waits to hear from. */
    int unknownWorkers() {
        return index.unknown();
    }

    /** A heartbeat: recorded beside the entry, so nothing is written and no snapshot is rebuilt for it. */
    void heartbeat(String workerId, Instant now) {
        if (workers.containsKey(workerId)) {
            heartbeats.put(workerId, now);
        }
    }

    /** When the worker was last heard from: its latest heartbeat, or its (re)registration when later. */
    public Instant lastHeartbeat(WorkerEntry worker) {
        return worker.lastHeardFrom(heartbeats.get(worker.workerId()));
    }

    void removeWorker(String workerId) {
        WorkerEntry removed = workers.remove(workerId);
        if (removed != null) {
            index.remove(removed);
        }
        heartbeats.remove(workerId);
        held.dropOn(workerId);
        changes.worker(workerId);
    }

    // ---- drivers

    void addDriver(DriverEntry driver) {
        drivers.put(driver.driverId(), driver);
        changes.driver(driver.driverId());
    }

    /** Replaces a driver that has not ended, keeping it and its worker's accounting in step. */
    void updateDriver(DriverEntry driver) {
        DriverEntry previous = drivers.put(driver.driverId(), driver);
        if (previous != null && previous.workerId() != null && !previous.workerId().equals(driver.workerId())) {
            release(previous);
        }
        if (driver.workerId() != null && (previous == null || !driver.workerId().equals(previous.workerId()))) {
            WorkerEntry worker = workers.get(driver.workerId());
            workers.put(worker.workerId(), worker.withDriver(driver.driverId(), driver.demand(),
                    driver.resourceAddresses()));
        }
        changes.driver(driver.driverId());
    }

    /** Moves an ended driver to the bounded completed list and frees what it held. */
    void completeDriver(DriverEntry ended) {
        DriverEntry previous = drivers.remove(ended.driverId());
        if (previous != null && previous.workerId() != null) {
            release(previous);
        }
        completedDrivers.put(ended.driverId(), ended);
        changes.driver(ended.driverId());
        while (completedDrivers.size() > retainedDrivers) {
            changes.driver(completedDrivers.remove(completedDrivers.keySet().iterator().next()).driverId());
        }
    }

    private void release(DriverEntry driver) {
        WorkerEntry worker = workers.get(driver.workerId());
        if (worker != null) {
            workers.put(worker.workerId(), worker.withoutDriver(driver.driverId(), driver.demand(),
                    driver.resourceAddresses()));
        }
    }

    /**
     * The state as readers see it. Maps that did not change since the last snapshot are shared with it, and
     * when nothing changed at all the last snapshot itself is returned.
     */
    public ClusterSnapshot snapshot() {
        String currentUrl = url.get();
        if (published != null && !workers.changed() && !drivers.changed() && !completedDrivers.changed()
                && !apps.changed() && !completedApps.changed() && published.status() == status
                && published.epoch() == epoch && Objects.equals(published.leaderUrl(), leaderUrl)
                && Objects.equals(published.url(), currentUrl) && published.waiting() == waiting) {
            return published;
        }
        published = new ClusterSnapshot(status, currentUrl, epoch, leaderUrl, workers.frozen(), drivers.frozen(),
                completedDrivers.frozen(), apps.frozen(), completedApps.frozen(), heartbeatsView, waiting);
        return published;
    }

    /**
     * The ids whose records changed since the last drain; each is written as it is now in the snapshot, or
     * deleted when the snapshot no longer has it.
     *
     * @param executors executors as {@code <appId>/<executorId>}
     * @param counters the id counters to store, or null when they did not change
     * @param epoch the leader epoch to store, or null when it did not change
     */
    public record Changes(Set<String> workers, Set<String> drivers, Set<String> applications, Set<String> executors,
            IdCounters counters, Long epoch) {

        public boolean isEmpty() {
            return workers.isEmpty() && drivers.isEmpty() && applications.isEmpty() && executors.isEmpty()
                    && counters == null && epoch == null;
        }

        static final class Builder {
            private final Set<String> workers = new LinkedHashSet<>();
            private final Set<String> drivers = new LinkedHashSet<>();
            private final Set<String> applications = new LinkedHashSet<>();
            private final Set<String> executors = new LinkedHashSet<>();
            private IdCounters counters;
            private Long epoch;

            Builder worker(String id) {
                workers.add(id);
                return this;
            }

            Builder driver(String id) {
                drivers.add(id);
                return this;
            }

            Builder app(String id) {
                applications.add(id);
                return this;
            }

            Builder executor(String key) {
                executors.add(key);
                return this;
            }

            void counters(IdCounters next) {
                counters = next;
            }

            void epoch(long value) {
                epoch = value;
            }

            Changes build() {
                return new Changes(Set.copyOf(workers), Set.copyOf(drivers), Set.copyOf(applications),
                        Set.copyOf(executors), counters, epoch);
            }
        }
    }
}
