package io.drover.worker.runner;

import io.drover.protocol.internal.WorkerHealth;
import io.drover.server.security.DriverTokens;
import io.drover.worker.isolation.Sandbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * What every runner shares: collaborators, settings and threads. One record instead of ten constructor
 * arguments, and the one thing a real-process test builds by hand.
 *
 * @param localDirs the applications' scratch directories, shared by their executors
 * @param work runs launches and kills, so they never happen on an HTTP or heartbeat thread
 * @param timer waits out supervise back-offs without holding a thread
 * @param workerEnvironment what children inherit, less every variable that could carry a Drover or Spring
 *     setting ({@link ChildEnvironment}), so no user program ever sees the cluster secret
 * @param sandbox confines each child ({@code drover.worker.isolation})
 * @param masterUrls every configured master, comma-separated, exported as {@code DROVER_MASTER_URLS} after the
 *     filter (issue 9: a driver's client follows the leader); null for none
 * @param driverTokens derives each driver's own {@code DROVER_AUTH_TOKEN}; null with authentication off
 * @param health the worker's own check, asked when a launch fails on the way in: an I/O failure while the work
 *     directory is unwritable or full is the worker's fault, not the work's ({@link WorkerFaults})
 */
record RunnerContext(
        Path workDir,
        LaunchPlanner planner,
        AppResourceFetcher fetcher,
        AppLocalDirs localDirs,
        ProcessLauncher launcher,
        SupervisePolicy supervisePolicy,
        Clock clock,
        Duration killGrace,
        Map<String, String> workerEnvironment,
        ExecutorService work,
        ScheduledExecutorService timer,
        DriverTokens driverTokens,
        Sandbox sandbox,
        String masterUrls,
        Supplier<WorkerHealth> health) {

    static final String MASTER_URLS_VARIABLE = "DROVER_MASTER_URLS";

    RunnerContext {
        Map<String, String> inherited = new HashMap<>(ChildEnvironment.inherited(workerEnvironment,
                planner.restrictsCommands()));
        if (masterUrls != null) {
            inherited.put(MASTER_URLS_VARIABLE, masterUrls);
        }
        workerEnvironment = Map.copyOf(inherited);
    }

    /** A context whose worker never judges its own health (tests of the runners alone). */
    RunnerContext(Path workDir, LaunchPlanner planner, AppResourceFetcher fetcher, AppLocalDirs localDirs,
            ProcessLauncher launcher, SupervisePolicy supervisePolicy, Clock clock, Duration killGrace,
            Map<String, String> workerEnvironment, ExecutorService work, ScheduledExecutorService timer,
            DriverTokens driverTokens, Sandbox sandbox, String masterUrls) {
        this(workDir, planner, fetcher, localDirs, launcher, supervisePolicy, clock, killGrace, workerEnvironment,
                work, timer, driverTokens, sandbox, masterUrls, () -> WorkerHealth.HEALTHY);
    }
}
