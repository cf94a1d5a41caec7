package io.drover.worker.runner;

import io.drover.protocol.Paths;
import io.drover.protocol.api.LocalDriverView;
import io.drover.protocol.api.LocalExecutorView;
import io.drover.protocol.internal.ChildProcess;
import io.drover.protocol.internal.DriverDescription;
import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.internal.ExecutorDescription;
import io.drover.protocol.internal.ExecutorStateChanged;
import io.drover.protocol.internal.StateReports;
import io.drover.protocol.resources.ResourceAddresses;
import io.drover.protocol.resources.Resources;
import io.drover.worker.config.WorkerProperties;
import io.drover.worker.registration.Departure;
import io.drover.worker.registration.Inventory;
import io.drover.worker.registration.MasterLink;
import io.drover.worker.resources.OfferedResources;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The single owner of this worker's runners (drivers and executors) and of the cores and memory they use.
 * One lock, held only to read or change the maps and totals: runners are started, killed and asked for
 * their views outside it. It also decides when an application's local directory goes: once the master
 * said the application finished and none of its executors runs here any more (Spark's
 * {@code maybeCleanupApplication}). On context close it stops every process tree without reporting, so no
 * child outlives the worker.
 */
@Component
public class RunnerRegistry implements Inventory {

    /**
     * {@code ALREADY_ENDED}: this executor ran here and is over; a repeated launch is a retry of that one.
     * {@code APPLICATION_FINISHED}: the master already said the application is over. {@code NO_ROOM}: what it
     * asks for is not free here; nothing was started. {@code NOT_OFFERED}: it was assigned custom resource
     * addresses this worker does not offer ({@link #notOffered}). {@code DECOMMISSIONING}: the worker is being
     * decommissioned and takes no new work.
     */
    public enum LaunchOutcome {
        STARTED, ALREADY_RUNNING, ALREADY_ENDED, APPLICATION_FINISHED, SHUTTING_DOWN, NO_ROOM, NOT_OFFERED,
        DECOMMISSIONING
    }

    public enum KillOutcome { KILLING, ALREADY_ENDED, UNKNOWN }

    /** The registry at one moment; newest first among the finished. */
    public record Snapshot(Resources offered, Resources used, List<LocalDriverView> running,
            List<LocalDriverView> finished, List<LocalExecutorView> runningExecutors,
            List<LocalExecutorView> finishedExecutors) {
    }

    /** Beyond the kill grace: how long shutdown waits for runners that were still preparing. */
    static final Duration SHUTDOWN_SLACK = Duration.ofSeconds(5);

    /**
     * Finished applications remembered so that a launch arriving after the application ended (the two
     * calls may cross) is refused rather than run forever. Bounded; the oldest are forgotten first.
     */
    static final int REMEMBERED_FINISHED_APPS = 1000;

    static final String APPLICATION_FINISHED_REASON = "killed: the application finished";

    private static final Logger log = LoggerFactory.getLogger(RunnerRegistry.class);

    private final RunnerContext context;
    private final StateReporter reporter;
    private final MasterLink link;
    private final Departure departure;
    private final Resources offered;
    private final OfferedResources offeredAddresses;
    private final int retainedDrivers;
    private final int retainedExecutors;
    private final Listener listener = new Listener();
    /** Processes that ended here, by {@code driver/<state>} or {@code executor/<state>}, for metrics. */
    private final java.util.concurrent.ConcurrentMap<String, Long> exits = new java.util.concurrent.ConcurrentHashMap<>();

    private final Object lock = new Object();
    private final Map<String, DriverRunner> running = new LinkedHashMap<>();
    private final Deque<DriverRunner> finished = new ArrayDeque<>();
    private final Map<String, ExecutorRunner> runningExecutors = new LinkedHashMap<>();
    private final Deque<ExecutorRunner> finishedExecutors = new ArrayDeque<>();
    private final Set<String> finishedApps = new LinkedHashSet<>();
    private Resources used = Resources.NONE;
    /** Custom resource addresses held by running drivers and executors; never two of them at once. */
    private Map<String, List<String>> usedAddresses = Map.of();
    private boolean closed;
    private boolean decommissioning;

    RunnerRegistry(RunnerContext context, StateReporter reporter, MasterLink link, Departure departure,
            WorkerProperties properties, OfferedResources offeredAddresses) {
        this.offeredAddresses = offeredAddresses;
        this.context = context;
        this.reporter = reporter;
        this.link = link;
        this.departure = departure;
        context.localDirs().sweepLeftovers();
        this.offered = Resources.of(properties.offeredCores(), properties.offeredMemoryMb());
        this.retainedDrivers = properties.retainedDrivers();
        this.retainedExecutors = properties.retainedExecutors();
    }

    // ---- drivers

    /**
     * Starts the driver unless it already runs here: the master may send a launch twice.
     *
     * @param addresses the custom resource addresses the master assigned to it, by name
     */
    public LaunchOutcome launch(String driverId, DriverDescription description, Map<String, List<String>> addresses) {
        DriverRunner runner;
        Resources demand = Resources.of(description.cores(), description.memoryMb());
        synchronized (lock) {
            if (closed) {
                return LaunchOutcome.SHUTTING_DOWN;
            }
            if (running.containsKey(driverId)) {
                return LaunchOutcome.ALREADY_RUNNING;
            }
            LaunchOutcome refusal = refusal("Driver " + driverId, demand, addresses);
            if (refusal != null) {
                return refusal;
            }
            runner = new DriverRunner(driverId, description, addresses, site(), context, listener);
            running.put(driverId, runner);
            used = used.plus(demand);
            usedAddresses = ResourceAddresses.plus(usedAddresses, addresses);
        }
        runner.start();
        return LaunchOutcome.STARTED;
    }

    /** Kills the driver and reports KILLED. A driver that already ended here is left as it is. */
    public KillOutcome kill(String driverId) {
        DriverRunner runner;
        synchronized (lock) {
            runner = running.get(driverId);
            if (runner == null) {
                boolean known = finished.stream().anyMatch(r -> r.driverId().equals(driverId));
                return known ? KillOutcome.ALREADY_ENDED : KillOutcome.UNKNOWN;
            }
        }
        runner.kill(true);
        return KillOutcome.KILLING;
    }

    @Override
    public void killDriversSilently(Collection<String> driverIds) {
        List<DriverRunner> targets;
        synchronized (lock) {
            targets = driverIds.stream().map(running::get).filter(r -> r != null).toList();
        }
        targets.forEach(runner -> runner.kill(false));
    }

    @Override
    public List<String> runningDriverIds() {
        synchronized (lock) {
            return List.copyOf(running.keySet());
        }
    }

    @Override
    public List<ChildProcess> drivers() {
        List<DriverRunner> active;
        synchronized (lock) {
            active = List.copyOf(running.values());
        }
        return active.stream().map(DriverRunner::view)
                .map(v -> new ChildProcess(v.driverId(), v.pid(), v.pid() == null ? null : v.startedAt(), v.restarts()))
                .toList();
    }

    @Override
    public List<ChildProcess> executors() {
        List<ExecutorRunner> active;
        synchronized (lock) {
            active = List.copyOf(runningExecutors.values());
        }
        return active.stream().map(ExecutorRunner::view)
                .map(v -> new ChildProcess(Paths.executorKey(v.appId(), v.executorId()), v.pid(),
                        v.pid() == null ? null : v.startedAt(), 0))
                .toList();
    }

    @Override
    public StateReports undelivered() {
        return reporter.undelivered();
    }

    @Override
    public void delivered(StateReports carried) {
        reporter.delivered(carried);
    }

    // ---- executors

    /**
     * Starts the executor and counts its cores and memory as used, unless it runs or ran here already (the
     * master may send a launch twice) or its application is over. The outcome arrives as state reports.
     */
    public LaunchOutcome launchExecutor(String appId, int executorId, ExecutorDescription description) {
        String key = Paths.executorKey(appId, executorId);
        ExecutorRunner runner;
        Resources demand = Resources.of(description.cores(), description.memoryMb());
        synchronized (lock) {
            if (closed) {
                return LaunchOutcome.SHUTTING_DOWN;
            }
            if (finishedApps.contains(appId)) {
                return LaunchOutcome.APPLICATION_FINISHED;
            }
            if (runningExecutors.containsKey(key)) {
                return LaunchOutcome.ALREADY_RUNNING;
            }
            if (finishedExecutors.stream().anyMatch(r -> r.key().equals(key))) {
                return LaunchOutcome.ALREADY_ENDED;
            }
            LaunchOutcome refusal = refusal("Executor " + key, demand, description.resourceAddresses());
            if (refusal != null) {
                return refusal;
            }
            runner = new ExecutorRunner(appId, executorId, description, site(), context, listener);
            runningExecutors.put(key, runner);
            used = used.plus(demand);
            usedAddresses = ResourceAddresses.plus(usedAddresses, description.resourceAddresses());
        }
        runner.start();
        return LaunchOutcome.STARTED;
    }

    /** Kills the executor and reports KILLED. One that already ended here is left as it is. */
    public KillOutcome killExecutor(String appId, int executorId) {
        String key = Paths.executorKey(appId, executorId);
        ExecutorRunner runner;
        synchronized (lock) {
            runner = runningExecutors.get(key);
            if (runner == null) {
                boolean known = finishedExecutors.stream().anyMatch(r -> r.key().equals(key));
                return known ? KillOutcome.ALREADY_ENDED : KillOutcome.UNKNOWN;
            }
        }
        runner.kill(true, "killed");
        return KillOutcome.KILLING;
    }

    /**
     * The application is over: kill what is left of its executors (each reported KILLED), refuse later
     * launches for it, and delete its local directory once the last executor is gone. Unknown
     * applications are fine: the master may tell every worker.
     */
    public void applicationFinished(String appId) {
        List<ExecutorRunner> remaining;
        synchronized (lock) {
            finishedApps.add(appId);
            Iterator<String> oldest = finishedApps.iterator();
            while (finishedApps.size() > REMEMBERED_FINISHED_APPS) {
                oldest.next();
                oldest.remove();
            }
            remaining = executorsOf(appId).toList();
        }
        if (remaining.isEmpty()) {
            deleteLocalDirs(appId);
            return;
        }
        log.info("Application {} finished; killing its {} executor(s) here", appId, remaining.size());
        remaining.forEach(runner -> runner.kill(true, APPLICATION_FINISHED_REASON));
    }

    @Override
    public void killExecutorsSilently(Collection<String> executorKeys) {
        List<ExecutorRunner> targets;
        synchronized (lock) {
            targets = executorKeys.stream().map(runningExecutors::get).filter(r -> r != null).toList();
        }
        targets.forEach(runner -> runner.kill(false, "killed"));
    }

    @Override
    public List<String> runningExecutors() {
        synchronized (lock) {
            return List.copyOf(runningExecutors.keySet());
        }
    }

    // ---- both

    /** How many drivers or executors ({@code kind}) ended here in {@code state} since the worker started. */
    public long exits(String kind, String state) {
        return exits.getOrDefault(kind + "/" + state, 0L);
    }

    public Snapshot snapshot() {
        List<DriverRunner> active;
        List<DriverRunner> ended;
        List<ExecutorRunner> activeExecutors;
        List<ExecutorRunner> endedExecutors;
        Resources inUse;
        synchronized (lock) {
            active = List.copyOf(running.values());
            ended = List.copyOf(finished);
            activeExecutors = List.copyOf(runningExecutors.values());
            endedExecutors = List.copyOf(finishedExecutors);
            inUse = used;
        }
        return new Snapshot(offered, inUse, active.stream().map(DriverRunner::view).toList(),
                ended.stream().map(DriverRunner::view).toList(),
                activeExecutors.stream().map(ExecutorRunner::view).toList(),
                endedExecutors.stream().map(ExecutorRunner::view).toList());
    }

    /** Under the lock: why a launch may not start here now, or null when it may. */
    private LaunchOutcome refusal(String what, Resources demand, Map<String, List<String>> addresses) {
        if (decommissioning) {
            return LaunchOutcome.DECOMMISSIONING;
        }
        if (!offeredAddresses.notOffered(addresses).isEmpty()) {
            log.warn("{} was assigned {}, which this worker does not offer; refusing it", what,
                    offeredAddresses.notOffered(addresses));
            return LaunchOutcome.NOT_OFFERED;
        }
        List<String> held = offeredAddresses.held(usedAddresses, addresses);
        if (!held.isEmpty()) {
            log.info("{} was assigned {}, which a running child here still holds; refusing it", what, held);
            return LaunchOutcome.NO_ROOM;
        }
        return hasRoomFor(what, demand) ? null : LaunchOutcome.NO_ROOM;
    }

    /** The assigned addresses among {@code addresses} that this worker does not offer, as {@code name:address}. */
    public List<String> notOffered(Map<String, List<String>> addresses) {
        return offeredAddresses.notOffered(addresses);
    }

    /**
     * From now on no launch is taken (the worker is being decommissioned); what runs goes on.
     *
     * @return whether this call made the change
     */
    public boolean stopTakingWork() {
        synchronized (lock) {
            boolean first = !decommissioning;
            decommissioning = true;
            return first;
        }
    }

    /**
     * Under the lock. A worker never runs more than it offers (issue 13): a launch that does not fit what is
     * free is refused, and the master places it again. The master counts what it ended as held until this
     * worker reports the process gone, so a refusal is rare (after a failover, or with strays running).
     */
    private boolean hasRoomFor(String what, Resources demand) {
        if (offered.minus(used).fits(demand)) {
            return true;
        }
        log.info("{} needs {} but only {} is free here; refusing it", what, demand, offered.minus(used));
        return false;
    }

    /** What is free now: offered minus what running drivers and executors hold. */
    public Resources free() {
        synchronized (lock) {
            return offered.minus(used);
        }
    }

    private LaunchSite site() {
        return new LaunchSite(link.masterUrl(), link.workerUrl(), link.host());
    }

    /** Under the lock. */
    private Stream<ExecutorRunner> executorsOf(String appId) {
        return runningExecutors.values().stream().filter(r -> r.appId().equals(appId));
    }

    private void ended(DriverRunner runner) {
        synchronized (lock) {
            if (running.remove(runner.driverId(), runner)) {
                DriverDescription d = runner.description();
                used = used.minus(Resources.of(d.cores(), d.memoryMb()));
                usedAddresses = ResourceAddresses.minus(usedAddresses, runner.resourceAddresses());
                finished.addFirst(runner);
                while (finished.size() > retainedDrivers) {
                    finished.removeLast();
                }
            }
        }
    }

    private void ended(ExecutorRunner runner) {
        boolean lastOfFinishedApp;
        synchronized (lock) {
            if (!runningExecutors.remove(runner.key(), runner)) {
                return;
            }
            ExecutorDescription d = runner.description();
            used = used.minus(Resources.of(d.cores(), d.memoryMb()));
            usedAddresses = ResourceAddresses.minus(usedAddresses, d.resourceAddresses());
            finishedExecutors.addFirst(runner);
            while (finishedExecutors.size() > retainedExecutors) {
                finishedExecutors.removeLast();
            }
            lastOfFinishedApp = finishedApps.contains(runner.appId())
                    && executorsOf(runner.appId()).findAny().isEmpty();
        }
        if (lastOfFinishedApp) {
            deleteLocalDirs(runner.appId());
        }
    }

    /** On a runner thread: the caller may hold a runner's lock, and a large tree takes a while to delete. */
    private void deleteLocalDirs(String appId) {
        try {
            context.work().execute(() -> context.localDirs().applicationEnded(appId));
        } catch (RejectedExecutionException e) {
            context.localDirs().applicationEnded(appId);
        }
    }

    /**
     * Stops every process tree in parallel and waits for them, without reports: the worker is going away,
     * not the work being killed, and the master relaunches drivers and replaces executors when it notices.
     * Then deletes the applications' local directories (scratch space that nobody would delete later), and
     * tells the master it is leaving, so its work is replaced at once.
     */
    @PreDestroy
    void shutdown() {
        List<DriverRunner> drivers;
        List<ExecutorRunner> executors;
        synchronized (lock) {
            closed = true;
            drivers = List.copyOf(running.values());
            executors = List.copyOf(runningExecutors.values());
        }
        if (!drivers.isEmpty() || !executors.isEmpty()) {
            log.info("Worker shutting down: stopping {} driver(s) and {} executor(s)", drivers.size(),
                    executors.size());
            drivers.forEach(runner -> runner.kill(false));
            executors.forEach(runner -> runner.kill(false, "killed: the worker shut down"));
            List<CompletableFuture<Void>> ends = new ArrayList<>();
            drivers.forEach(runner -> ends.add(runner.whenEnded()));
            executors.forEach(runner -> ends.add(runner.whenEnded()));
            try {
                CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).get(context.killGrace()
                        .plus(ProcessTree.KILL_WAIT).plus(SHUTDOWN_SLACK).toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                log.warn("Some drivers or executors had not stopped when the worker shut down");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        context.localDirs().deleteAll();
        departure.leave("the worker shut down");
    }

    /** Connects the runners to the reporter and to this registry's accounting. */
    private final class Listener implements DriverListener, ExecutorListener {

        @Override
        public void report(DriverStateChanged change) {
            reporter.send(change);
        }

        @Override
        public void ended(DriverRunner runner) {
            exits.merge("driver/" + runner.view().state(), 1L, Long::sum);
            RunnerRegistry.this.ended(runner);
        }

        @Override
        public void report(ExecutorStateChanged change) {
            reporter.send(change);
        }

        @Override
        public void ended(ExecutorRunner runner) {
            exits.merge("executor/" + runner.view().state(), 1L, Long::sum);
            RunnerRegistry.this.ended(runner);
        }
    }
}
