package io.drover.worker.runner;

import io.drover.protocol.api.LocalDriverView;
import io.drover.protocol.internal.DriverDescription;
import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.resources.Resources;
import io.drover.worker.config.WorkerProperties;
import io.drover.worker.registration.DriverInventory;
import io.drover.worker.registration.MasterLink;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The single owner of this worker's runners and of the cores and memory they use. One lock, held only to
 * read or change the maps and totals: runners are started, killed and asked for their views outside it.
 * On context close it stops every process tree without reporting, so no child outlives the worker.
 */
@Component
public class RunnerRegistry implements DriverInventory {

    public enum LaunchOutcome { STARTED, ALREADY_RUNNING, SHUTTING_DOWN }

    public enum KillOutcome { KILLING, ALREADY_ENDED, UNKNOWN }

    /** The registry at one moment; drivers newest first among the finished. */
    public record Snapshot(Resources offered, Resources used, List<LocalDriverView> running,
            List<LocalDriverView> finished) {
    }

    /** Beyond the kill grace: how long shutdown waits for runners that were still preparing. */
    static final Duration SHUTDOWN_SLACK = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(RunnerRegistry.class);

    private final RunnerContext context;
    private final StateReporter reporter;
    private final MasterLink link;
    private final Resources offered;
    private final int retainedDrivers;

    private final Object lock = new Object();
    private final Map<String, DriverRunner> running = new LinkedHashMap<>();
    private final Deque<DriverRunner> finished = new ArrayDeque<>();
    private Resources used = Resources.NONE;
    private boolean closed;

    RunnerRegistry(RunnerContext context, StateReporter reporter, MasterLink link, WorkerProperties properties) {
        this.context = context;
        this.reporter = reporter;
        this.link = link;
        this.offered = Resources.of(properties.offeredCores(), properties.offeredMemoryMb());
        this.retainedDrivers = properties.retainedDrivers();
    }

    /** Starts the driver unless it already runs here: the master may send a launch twice. */
    public LaunchOutcome launch(String driverId, DriverDescription description) {
        DriverRunner runner;
        Resources demand = Resources.of(description.cores(), description.memoryMb());
        synchronized (lock) {
            if (closed) {
                return LaunchOutcome.SHUTTING_DOWN;
            }
            if (running.containsKey(driverId)) {
                return LaunchOutcome.ALREADY_RUNNING;
            }
            if (!offered.minus(used).fits(demand)) {
                // The master's books are the truth for placement (they may differ briefly after a failover);
                // we run it and say so rather than refuse work the master believes fits.
                log.warn("Driver {} needs {} but only {} is free here; running it anyway", driverId, demand,
                        offered.minus(used));
            }
            runner = new DriverRunner(driverId, description, site(), context, new Listener());
            running.put(driverId, runner);
            used = used.plus(demand);
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
    public void killSilently(Collection<String> driverIds) {
        List<DriverRunner> targets = new ArrayList<>();
        synchronized (lock) {
            for (String id : driverIds) {
                DriverRunner runner = running.get(id);
                if (runner != null) {
                    targets.add(runner);
                }
            }
        }
        targets.forEach(runner -> runner.kill(false));
    }

    @Override
    public List<String> runningDriverIds() {
        synchronized (lock) {
            return List.copyOf(running.keySet());
        }
    }

    public Snapshot snapshot() {
        List<DriverRunner> active;
        List<DriverRunner> ended;
        Resources inUse;
        synchronized (lock) {
            active = List.copyOf(running.values());
            ended = List.copyOf(finished);
            inUse = used;
        }
        return new Snapshot(offered, inUse, active.stream().map(DriverRunner::view).toList(),
                ended.stream().map(DriverRunner::view).toList());
    }

    private LaunchSite site() {
        return new LaunchSite(link.masterUrl(), link.workerUrl(), link.host());
    }

    private void ended(DriverRunner runner) {
        synchronized (lock) {
            if (running.remove(runner.driverId(), runner)) {
                DriverDescription d = runner.description();
                used = used.minus(Resources.of(d.cores(), d.memoryMb()));
                finished.addFirst(runner);
                while (finished.size() > retainedDrivers) {
                    finished.removeLast();
                }
            }
        }
    }

    /**
     * Stops every process tree in parallel and waits for them, without reports: the worker is going away,
     * not the drivers being killed, and the master relaunches supervised drivers elsewhere when it notices.
     */
    @PreDestroy
    void shutdown() {
        List<DriverRunner> runners;
        synchronized (lock) {
            closed = true;
            runners = List.copyOf(running.values());
        }
        if (runners.isEmpty()) {
            return;
        }
        log.info("Worker shutting down: stopping {} driver(s)", runners.size());
        runners.forEach(runner -> runner.kill(false));
        CompletableFuture<?>[] ends = runners.stream().map(DriverRunner::whenEnded).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(ends).get(context.killGrace().plus(ProcessTree.KILL_WAIT).plus(SHUTDOWN_SLACK)
                    .toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.warn("Some drivers had not stopped when the worker shut down");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Connects one runner to the reporter and to this registry's accounting. */
    private final class Listener implements RunnerListener {

        @Override
        public void report(DriverStateChanged change) {
            reporter.send(change);
        }

        @Override
        public void ended(DriverRunner runner) {
            RunnerRegistry.this.ended(runner);
        }
    }
}
