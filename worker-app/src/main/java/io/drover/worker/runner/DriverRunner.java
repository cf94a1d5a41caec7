package io.drover.worker.runner;

import io.drover.protocol.api.LocalDriverView;
import io.drover.protocol.command.Placeholder;
import io.drover.protocol.internal.DriverDescription;
import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.state.DriverState;
import io.drover.worker.isolation.Confinement;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one driver in {@code <workDir>/<driverId>/}: fetches its app resource, starts its process, watches
 * it with {@link Process#onExit()} and, under {@code supervise}, starts it again after a non-zero exit
 * (Spark's {@code DriverRunner}). Every change goes to the {@link DriverListener} in order.
 *
 * <p>Thread rule: the work happens on {@link RunnerContext#work()} and the timer, never on the caller's
 * thread; all fields below are guarded by {@code this}, and a lock is never held while waiting.
 */
final class DriverRunner {

    private static final Logger log = LoggerFactory.getLogger(DriverRunner.class);
    /** Read by {@code io.drover.client.DriverContext}. */
    static final String APP_RESOURCE_URL_VARIABLE = "DROVER_APP_RESOURCE_URL";
    static final String AUTH_TOKEN_VARIABLE = "DROVER_AUTH_TOKEN";

    private final String driverId;
    private final DriverDescription description;
    private final Map<String, List<String>> resourceAddresses;
    private final LaunchSite site;
    private final RunnerContext context;
    private final DriverListener listener;
    private final Path dir;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    private DriverState state = DriverState.SUBMITTED;
    private LaunchPlan plan;
    private Confinement confinement;
    private Process process;
    private ScheduledFuture<?> pendingRestart;
    private final TreeKill kill = new TreeKill();
    private int restarts;
    private Duration lastRestartDelay;
    private Instant startedAt;
    private Instant endedAt;
    private Integer exitCode;
    private String message;

    /** @param resourceAddresses the custom resource addresses the master assigned to this driver, by name */
    DriverRunner(String driverId, DriverDescription description, Map<String, List<String>> resourceAddresses,
            LaunchSite site, RunnerContext context, DriverListener listener) {
        this.driverId = driverId;
        this.description = description;
        this.resourceAddresses = resourceAddresses;
        this.site = site;
        this.context = context;
        this.listener = listener;
        this.dir = context.workDir().resolve(driverId);
    }

    String driverId() {
        return driverId;
    }

    DriverDescription description() {
        return description;
    }

    Map<String, List<String>> resourceAddresses() {
        return resourceAddresses;
    }

    /** Completes when the driver is over, however it ended. */
    CompletableFuture<Void> whenEnded() {
        return ended;
    }

    /** Hands the launch to a runner thread and returns at once. */
    void start() {
        try {
            context.work().execute(this::prepareAndLaunch);
        } catch (RejectedExecutionException e) {
            finish(DriverState.ERROR, null, "the worker is shutting down");
        }
    }

    /**
     * Stops the process tree (TERM, then KILL after the grace period) on a runner thread. With
     * {@code report} false the end is not reported: the master asked for a silent kill, or the worker shuts
     * down and the master will notice it is gone (Nomad's kill vs. shutdown distinction).
     */
    void kill(boolean report) {
        Process target;
        Confinement confined;
        ScheduledFuture<?> restart;
        synchronized (this) {
            if (!kill.request(state.isTerminal(), report, "killed")) {
                return;
            }
            restart = pendingRestart;
            target = restart == null ? process : null;
            confined = confinement;
        }
        if (restart != null && restart.cancel(false)) {
            finish(DriverState.KILLED, exitCodeSoFar(), "killed while waiting to restart");
        } else if (target != null) {
            // Otherwise the runner is still preparing, or a restart is under way: launch() sees the request.
            TreeKill.terminate(context, target, confined, code -> finish(DriverState.KILLED, code, "killed"));
        }
    }

    synchronized LocalDriverView view() {
        Long pid = state == DriverState.RUNNING && pendingRestart == null && process != null
                ? confinement.mainPid(process.toHandle()) : null;
        return new LocalDriverView(driverId, description.name(), state, description.cores(), description.memoryMb(),
                pid, startedAt, endedAt, exitCode, restarts, message);
    }

    private void prepareAndLaunch() {
        LaunchPlan prepared;
        Confinement confined;
        try {
            RunDirs.create(context.workDir(), driverId);
            Path resource = LaunchInputs.fetchAppResource(context, description.appResource(), dir);
            Map<String, String> exports = new HashMap<>(credentials());
            if (description.appResource() != null) {
                // The URL as submitted: what a driver hands its executors, which cannot read this worker's copy
                exports.put(APP_RESOURCE_URL_VARIABLE, description.appResource());
            }
            exports.putAll(ResourceExports.write(dir, resourceAddresses));
            prepared = context.planner().plan(description.command(), description.memoryMb(), values(resource),
                    site.masterUrl(), exports, context.workerEnvironment(), dir);
            confined = context.sandbox().confine(driverId, dir, description.cores(), description.memoryMb(), null);
        } catch (IOException | RuntimeException e) {
            if (killRequestedSoFar()) {
                finish(DriverState.KILLED, null, "killed while preparing");
            } else {
                failedToLaunch("be prepared", e, RunMessages.describe(e));
            }
            return;
        }
        synchronized (this) {
            plan = prepared;
            confinement = confined;
        }
        launch(false);
    }

    /** The driver's own token, so it can register applications without holding the cluster secret. */
    private Map<String, String> credentials() {
        return context.driverTokens() == null ? Map.of()
                : Map.of(AUTH_TOKEN_VARIABLE, context.driverTokens().issue(driverId));
    }

    private Map<Placeholder, String> values(Path appResource) {
        Map<Placeholder, String> values =
                LaunchInputs.values(site, description.cores(), description.memoryMb(), appResource);
        values.put(Placeholder.DRIVER_ID, driverId);
        return values;
    }

    /** Starts the planned process, unless a kill came first. The check and the start share the lock. */
    private void launch(boolean restart) {
        Process started;
        synchronized (this) {
            pendingRestart = null;
            if (state.isTerminal()) {
                return;
            }
            if (kill.requested()) {
                finish(DriverState.KILLED, exitCodeSoFar(), restart ? "killed while waiting to restart" : "killed");
                return;
            }
            try {
                started = context.launcher().start(plan, confinement);
            } catch (IOException | RuntimeException e) {
                failedToLaunch("start", e, "could not start: " + e.getMessage());
                return;
            }
            process = started;
            startedAt = context.clock().instant();
            if (restart) {
                restarts++;
            }
            state = DriverState.RUNNING;
            Long pid = confinement.awaitMainPid(started.toHandle(), Confinement.PROGRAM_PID_WAIT);
            message = restart ? "restarted after exit code " + exitCode : null;
            log.info("Driver {} is RUNNING as pid {} (restarts {})", driverId, pid, restarts);
            // Reported under the lock so no end report of this run can overtake it.
            listener.report(new DriverStateChanged(driverId, DriverState.RUNNING, null, message, restarts,
                    pid));
        }
        started.onExit().thenAccept(this::exited);
    }

    private void exited(Process exitedProcess) {
        int code = exitedProcess.exitValue();
        Optional<String> endedByKernel = endRun(exitedProcess);
        synchronized (this) {
            if (state.isTerminal() || exitedProcess != process) {
                return;
            }
            exitCode = code;
            if (kill.requested()) {
                return; // the kill finishes once the rest of the tree is gone too
            }
            if (code == 0) {
                finish(DriverState.FINISHED, 0, null);
                return;
            }
            Duration ranFor = Duration.between(startedAt, context.clock().instant());
            Optional<Duration> delay = context.supervisePolicy()
                    .restartDelay(description.supervise(), code, ranFor, lastRestartDelay);
            if (delay.isEmpty()) {
                finish(DriverState.FAILED, code, endedByKernel.orElse(RunMessages.exitedWith(code)));
                return;
            }
            lastRestartDelay = delay.get();
            log.info("Driver {} exited with code {} after {} ms; restarting in {} ms (supervise)",
                    driverId, code, ranFor.toMillis(), delay.get().toMillis());
            scheduleRestart(delay.get());
        }
    }

    private void scheduleRestart(Duration delay) {
        try {
            pendingRestart = context.timer().schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            notRestarted();
        }
    }

    /** On the timer thread: the start itself goes to a runner thread, keeping the timer free. */
    private void restart() {
        try {
            context.work().execute(() -> launch(true));
        } catch (RejectedExecutionException e) {
            notRestarted();
        }
    }

    private void notRestarted() {
        Integer code = exitCodeSoFar();
        finish(DriverState.FAILED, code, RunMessages.exitedWith(code) + "; not restarted: the worker is shutting down");
    }

    /** ERROR, reported as a refusal when the failure is the worker's own ({@link WorkerFaults}). */
    private void failedToLaunch(String step, Exception e, String why) {
        String fault = WorkerFaults.of(e, context.health().get());
        log.warn("Driver {} could not {}: {}{}", driverId, step, RunMessages.describe(e),
                fault == null ? "" : " (the worker's fault: " + fault + ")");
        finish(DriverState.ERROR, null, fault == null ? why : fault, fault);
    }

    private void finish(DriverState finalState, Integer code, String why) {
        finish(finalState, code, why, null);
    }

    /**
     * The one way a run ends: record it, free the resources, then report (unless it is a silent kill).
     *
     * @param workerFault set when the launch failed for the worker's own reasons: reported as a refusal
     */
    private void finish(DriverState finalState, Integer code, String why, String workerFault) {
        boolean report;
        synchronized (this) {
            if (state.isTerminal()) {
                return;
            }
            state = finalState;
            exitCode = code;
            message = why;
            endedAt = context.clock().instant();
            pendingRestart = null;
            report = kill.reports(finalState == DriverState.KILLED);
        }
        Confinement confined = confinementSoFar();
        if (confined != null) {
            confined.close();
        }
        RunMessages.logEnd(log, "Driver " + driverId, finalState, code, why);
        listener.ended(this);
        if (report) {
            listener.report(workerFault != null ? DriverStateChanged.refused(driverId, workerFault)
                    : new DriverStateChanged(driverId, finalState, code, why, restartsSoFar()));
        }
        ended.complete(null);
    }

    /** Sweeps the run's confinement, unless this process is not the current run's; says if the kernel ended it. */
    private Optional<String> endRun(Process exitedProcess) {
        Confinement confined;
        synchronized (this) {
            if (exitedProcess != process) {
                return Optional.empty();
            }
            confined = confinement;
        }
        return confined.runEnded();
    }

    private synchronized Confinement confinementSoFar() {
        return confinement;
    }

    private synchronized Integer exitCodeSoFar() {
        return exitCode;
    }

    private synchronized boolean killRequestedSoFar() {
        return kill.requested();
    }

    private synchronized int restartsSoFar() {
        return restarts;
    }
}
