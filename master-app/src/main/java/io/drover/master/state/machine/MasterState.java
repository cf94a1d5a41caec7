package io.drover.master.state.machine;

import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.state.MasterStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The master's live state. Only the state store's inbox thread touches it, so it needs no locks; everyone
 * else reads the {@link ClusterSnapshot} it publishes. Entries are immutable records and every change
 * replaces one, so a snapshot is a shallow copy of the maps.
 *
 * <p>The methods here keep the indexes consistent (a driver placed on a worker is also in that worker's
 * driver set and counts in its used resources); handlers never edit the maps directly.
 */
public final class MasterState {

    private final Supplier<String> url;
    private final long epoch;
    /** Ended executors an application keeps listing; live ones are always kept. */
    static final int RETAINED_EXECUTORS_PER_APP = 1000;

    private final int retainedDrivers;
    private final int retainedApplications;
    private final Map<String, ApplicationEntry> apps = new LinkedHashMap<>();
    private final Map<String, ApplicationEntry> completedApps = new LinkedHashMap<>();
    private long nextAppSeq;
    private MasterStatus status = MasterStatus.ALIVE;
    private final Map<String, WorkerEntry> workers = new LinkedHashMap<>();
    private final Map<String, DriverEntry> drivers = new LinkedHashMap<>();
    private final Map<String, DriverEntry> completedDrivers = new LinkedHashMap<>();
    private long nextDriverSeq;
    private int driverCursor;

    /** @param url the master's public URL; a supplier because the port is known only once the server is up */
    public MasterState(Supplier<String> url, long epoch, int retainedDrivers, int retainedApplications) {
        this.url = url;
        this.epoch = epoch;
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

    public Optional<WorkerEntry> worker(String workerId) {
        return Optional.ofNullable(workers.get(workerId));
    }

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

    public Map<String, ApplicationEntry> activeApps() {
        return Collections.unmodifiableMap(apps);
    }

    long nextAppSeq() {
        return nextAppSeq++;
    }

    void putApp(ApplicationEntry app) {
        apps.put(app.appId(), app);
    }

    /** Adds a just-placed executor to its application and to its worker's accounting. */
    void launchExecutor(ExecutorEntry executor) {
        ApplicationEntry app = apps.get(executor.appId());
        apps.put(app.appId(), app.withExecutor(executor, app.consecutiveFailures(), app.nextExecutorId() + 1));
        WorkerEntry worker = workers.get(executor.workerId());
        workers.put(worker.workerId(), worker.withExecutor(executor.key(), executor.resources()));
    }

    /**
     * Replaces an executor of an active application. One that ended frees its worker's resources, and the
     * application forgets its oldest ended executors beyond {@link #RETAINED_EXECUTORS_PER_APP}.
     */
    void updateExecutor(ExecutorEntry executor, int consecutiveFailures) {
        ApplicationEntry app = apps.get(executor.appId());
        ApplicationEntry updated = app.withExecutor(executor, consecutiveFailures, app.nextExecutorId());
        if (!executor.isLive()) {
            WorkerEntry worker = workers.get(executor.workerId());
            if (worker != null) {
                workers.put(worker.workerId(), worker.withoutExecutor(executor.key(), executor.resources()));
            }
            updated = pruneEnded(updated);
        }
        apps.put(app.appId(), updated);
    }

    private static ApplicationEntry pruneEnded(ApplicationEntry app) {
        long ended = app.executors().size() - app.liveExecutors();
        if (ended <= RETAINED_EXECUTORS_PER_APP) {
            return app;
        }
        Map<Integer, ExecutorEntry> kept = new LinkedHashMap<>();
        long drop = ended - RETAINED_EXECUTORS_PER_APP;
        for (ExecutorEntry e : app.executors().values()) {
            if (!e.isLive() && drop > 0) {
                drop--;
            } else {
                kept.put(e.executorId(), e);
            }
        }
        return new ApplicationEntry(app.appId(), app.seq(), app.name(), app.executorCommand(), app.appResource(),
                app.coresPerExecutor(), app.memoryPerExecutorMb(), app.maxCores(), app.executorLimit(),
                app.driverUrl(), app.driverId(), app.state(), app.submittedAt(), app.endedAt(), app.message(),
                app.consecutiveFailures(), app.nextExecutorId(), app.eventSeq(), kept, app.audit(), app.webUiUrl());
    }

    /** Moves an ended application (its executors already ended) to the bounded completed list. */
    void completeApp(ApplicationEntry ended) {
        apps.remove(ended.appId());
        completedApps.put(ended.appId(), ended);
        while (completedApps.size() > retainedApplications) {
            completedApps.remove(completedApps.keySet().iterator().next());
        }
    }

    long nextDriverSeq() {
        return nextDriverSeq++;
    }

    int driverCursor() {
        return driverCursor;
    }

    void driverCursor(int cursor) {
        driverCursor = cursor;
    }

    void putWorker(WorkerEntry worker) {
        workers.put(worker.workerId(), worker);
    }

    void removeWorker(String workerId) {
        workers.remove(workerId);
    }

    void addDriver(DriverEntry driver) {
        drivers.put(driver.driverId(), driver);
    }

    /** Replaces a driver that has not ended, keeping it and its worker's accounting in step. */
    void updateDriver(DriverEntry driver) {
        DriverEntry previous = drivers.put(driver.driverId(), driver);
        if (previous != null && previous.workerId() != null && !previous.workerId().equals(driver.workerId())) {
            release(previous);
        }
        if (driver.workerId() != null && (previous == null || !driver.workerId().equals(previous.workerId()))) {
            WorkerEntry worker = workers.get(driver.workerId());
            workers.put(worker.workerId(), worker.withDriver(driver.driverId(), driver.demand()));
        }
    }

    /** Moves an ended driver to the bounded completed list and frees what it held. */
    void completeDriver(DriverEntry ended) {
        DriverEntry previous = drivers.remove(ended.driverId());
        if (previous != null && previous.workerId() != null) {
            release(previous);
        }
        completedDrivers.put(ended.driverId(), ended);
        while (completedDrivers.size() > retainedDrivers) {
            completedDrivers.remove(completedDrivers.keySet().iterator().next());
        }
    }

    private void release(DriverEntry driver) {
        WorkerEntry worker = workers.get(driver.workerId());
        if (worker != null) {
            workers.put(worker.workerId(), worker.withoutDriver(driver.driverId(), driver.demand()));
        }
    }

    public ClusterSnapshot snapshot() {
        return new ClusterSnapshot(status, url.get(), epoch, Collections.unmodifiableMap(new LinkedHashMap<>(workers)),
                Collections.unmodifiableMap(new LinkedHashMap<>(drivers)),
                Collections.unmodifiableMap(new LinkedHashMap<>(completedDrivers)),
                Collections.unmodifiableMap(new LinkedHashMap<>(apps)),
                Collections.unmodifiableMap(new LinkedHashMap<>(completedApps)));
    }
}
