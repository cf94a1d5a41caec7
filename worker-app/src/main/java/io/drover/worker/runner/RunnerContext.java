package io.drover.worker.runner;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every runner shares: collaborators, settings and threads. One record instead of ten constructor
 * arguments, and the one thing a real-process test builds by hand.
 *
 * @param localDirs the applications' scratch directories, shared by their executors
 * @param work runs launches and kills, so they never happen on an HTTP or heartbeat thread
 * @param timer waits out supervise back-offs without holding a thread
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
        ScheduledExecutorService timer) {

    RunnerContext {
        workerEnvironment = Map.copyOf(workerEnvironment);
    }
}
