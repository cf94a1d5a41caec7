package io.drover.worker.runner;

import io.drover.protocol.Paths;
import io.drover.protocol.api.LocalExecutorView;
import io.drover.protocol.command.Placeholder;
import io.drover.protocol.internal.ExecutorDescription;
import io.drover.protocol.internal.ExecutorStateChanged;
import io.drover.protocol.state.ExecutorState;
import io.drover.worker.isolation.Confinement;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one executor in {@code <workDir>/<appId>/<executorId>/} (Spark's {@code ExecutorRunner}): makes the
 * application's local directory, fetches the app resource, starts the process and watches it with
 * {@link Process#onExit()}. Reports LAUNCHING, RUNNING, then one of EXITED, FAILED or KILLED, in that order.
 * Never restarts: a failed executor is the master's to replace, possibly elsewhere.
 *
 * <p>Thread rule as in {@link DriverRunner}: the work happens on {@link RunnerContext#work()}, fields are
 * guarded by {@code this}, and a lock is never held while waiting.
 */
final class ExecutorRunner {

    static final String LOCAL_DIRS_VARIABLE = "DROVER_LOCAL_DIRS";

    private static final Logger log = LoggerFactory.getLogger(ExecutorRunner.class);

    private final String appId;
    private final int executorId;
    private final ExecutorDescription description;
    private final LaunchSite site;
    private final RunnerContext context;
    private final ExecutorListener listener;
    private final Path dir;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    private ExecutorState state = ExecutorState.LAUNCHING;
    private Confinement confinement;
    private Process process;
    private final TreeKill kill = new TreeKill();
    private Instant startedAt;
    private Instant endedAt;
    private Integer exitCode;
    private String message;

    ExecutorRunner(String appId, int executorId, ExecutorDescription description, LaunchSite site,
            RunnerContext context, ExecutorListener listener) {
        this.appId = appId;
        this.executorId = executorId;
        this.description = description;
        this.site = site;
        this.context = context;
        this.listener = listener;
        this.dir = context.workDir().resolve(appId).resolve(Integer.toString(executorId));
    }

    String appId() {
        return appId;
    }

    int executorId() {
        return executorId;
    }

    /** {@code <appId>/<executorId>}, as inventories and kill lists name it. */
    String key() {
        return Paths.executorKey(appId, executorId);
    }

    ExecutorDescription description() {
        return description;
    }

    /** Completes when the executor is over, however it ended. */
    CompletableFuture<Void> whenEnded() {
        return ended;
    }

    /** Reports LAUNCHING, hands the launch to a runner thread and returns at once. */
    void start() {
        // Queued before the launch is handed over, so RUNNING or an end can never be reported before it.
        listener.report(change(ExecutorState.LAUNCHING, null, null));
        try {
            context.work().execute(this::prepareAndLaunch);
        } catch (RejectedExecutionException e) {
            finish(ExecutorState.FAILED, null, "could not launch: the worker is shutting down");
        }
    }

    /**
     * Stops the process tree (TERM, then KILL after the grace period) on a runner thread. With
     * {@code report} false the end is not reported (a silent kill ordered by the master, or a worker
     * shutdown). A kill before the process started ends it as soon as the preparation is over.
     */
    void kill(boolean report, String why) {
        Process target;
        Confinement confined;
        synchronized (this) {
            if (!kill.request(state.isTerminal(), report, why)) {
                return;
            }
            target = process;
            confined = confinement;
        }
        if (target != null) {
            TreeKill.terminate(context, target, confined,
                    code -> finish(ExecutorState.KILLED, code, killReasonSoFar()));
        }
    }

    synchronized LocalExecutorView view() {
        Long pid = state == ExecutorState.RUNNING && process != null ? confinement.mainPid(process.toHandle()) : null;
        return new LocalExecutorView(appId, executorId, description.appName(), state, description.cores(),
                description.memoryMb(), pid, startedAt, endedAt, exitCode, message);
    }

    /**
     * Everything before the process exists. Nothing here starts anything, so a failure needs no cleanup
     * beyond ending FAILED: the registry then forgets the executor and frees its resources. The directory
     * stays, with a line in {@code stderr} when the start itself failed, for whoever wonders why.
     */
    private void prepareAndLaunch() {
        LaunchPlan plan;
        try {
            RunDirs.create(context.workDir(), appId, Integer.toString(executorId));
            Path localDir = context.localDirs().create(appId);
            Path resource = LaunchInputs.fetchAppResource(context, description.appResource(), dir);
            Map<String, String> exports = new HashMap<>(ResourceExports.write(dir, description.resourceAddresses()));
            exports.put(LOCAL_DIRS_VARIABLE, localDir.toString());
            plan = context.planner().plan(description.command(), description.memoryMb(), values(resource),
                    site.masterUrl(), exports, context.workerEnvironment(), dir);
            Confinement confined = context.sandbox().confine(appId + "-" + executorId, dir, description.cores(),
                    description.memoryMb(), appId);
            synchronized (this) {
                confinement = confined;
            }
        } catch (IOException | RuntimeException e) {
            if (killRequestedSoFar()) {
                finish(ExecutorState.KILLED, null, killReasonSoFar());
            } else {
                failedToLaunch("be prepared", e);
            }
            return;
        }
        launch(plan);
    }

    private Map<Placeholder, String> values(Path appResource) {
        Map<Placeholder, String> values =
                LaunchInputs.values(site, description.cores(), description.memoryMb(), appResource);
        values.put(Placeholder.APP_ID, appId);
        values.put(Placeholder.EXECUTOR_ID, Integer.toString(executorId));
        String driverUrl = description.driverUrl();
        values.put(Placeholder.DRIVER_URL, driverUrl == null || driverUrl.isBlank() ? null : driverUrl);
        return values;
    }

    /** Starts the planned process, unless a kill came first. The check and the start share the lock. */
    private void launch(LaunchPlan plan) {
        Process started;
        synchronized (this) {
            if (state.isTerminal()) {
                return;
            }
            if (kill.requested()) {
                finish(ExecutorState.KILLED, null, kill.reason());
                return;
            }
            try {
                started = context.launcher().start(plan, confinement);
            } catch (IOException | RuntimeException e) {
                failedToLaunch("start", e);
                return;
            }
            process = started;
            startedAt = context.clock().instant();
            state = ExecutorState.RUNNING;
            Long pid = confinement.awaitMainPid(started.toHandle(), Confinement.PROGRAM_PID_WAIT);
            log.info("Executor {} ({}) is RUNNING as pid {}", key(), description.appName(), pid);
            // Reported under the lock so no end report can overtake it.
            listener.report(new ExecutorStateChanged(appId, executorId, ExecutorState.RUNNING, null, null,
                    pid));
        }
        started.onExit().thenAccept(this::exited);
    }

    private void exited(Process exitedProcess) {
        int code = exitedProcess.exitValue();
        Optional<String> endedByKernel = confinementSoFar().runEnded();
        synchronized (this) {
            if (state.isTerminal() || exitedProcess != process) {
                return;
            }
            exitCode = code;
            if (kill.requested()) {
                return; // the kill finishes once the rest of the tree is gone too
            }
            if (code == 0) {
                finish(ExecutorState.EXITED, 0, null);
            } else {
                finish(ExecutorState.FAILED, code, endedByKernel.orElse(RunMessages.exitedWith(code)));
            }
        }
    }

    /** FAILED, reported as a refusal when the failure is the worker's own ({@link WorkerFaults}). */
    private void failedToLaunch(String step, Exception e) {
        String fault = WorkerFaults.of(e, context.health().get());
        log.warn("Executor {} could not {}: {}{}", key(), step, RunMessages.describe(e),
                fault == null ? "" : " (the worker's fault: " + fault + ")");
        finish(ExecutorState.FAILED, null, "could not launch: " + (fault == null ? RunMessages.describe(e) : fault),
                fault);
    }

    private void finish(ExecutorState finalState, Integer code, String why) {
        finish(finalState, code, why, null);
    }

    /**
     * The one way a run ends: record it, free the resources, then report (unless it is a silent kill).
     *
     * @param workerFault set when the launch failed for the worker's own reasons: reported as a refusal
     */
    private void finish(ExecutorState finalState, Integer code, String why, String workerFault) {
        boolean report;
        synchronized (this) {
            if (state.isTerminal()) {
                return;
            }
            state = finalState;
            exitCode = code;
            message = why;
            endedAt = context.clock().instant();
            report = kill.reports(finalState == ExecutorState.KILLED);
        }
        Confinement confined = confinementSoFar();
        if (confined != null) {
            confined.close();
        }
        RunMessages.logEnd(log, "Executor " + key(), finalState, code, why);
        listener.ended(this);
        if (report) {
            listener.report(workerFault != null ? ExecutorStateChanged.refused(appId, executorId, workerFault)
                    : change(finalState, code, why));
        }
        ended.complete(null);
    }

    private ExecutorStateChanged change(ExecutorState newState, Integer code, String why) {
        return new ExecutorStateChanged(appId, executorId, newState, code, why);
    }

    private synchronized Confinement confinementSoFar() {
        return confinement;
    }

    private synchronized boolean killRequestedSoFar() {
        return kill.requested();
    }

    private synchronized String killReasonSoFar() {
        return kill.reason();
    }
}
