package io.drover.master.state.machine;

import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.Audit;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.master.state.model.ExecutorViews;
import io.drover.master.state.model.Queueing;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.api.ApplicationEvent;
import io.drover.protocol.api.ApplicationEventType;
import io.drover.protocol.Paths;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.ids.IdGenerator;
import io.drover.protocol.internal.ApplicationFinished;
import io.drover.protocol.internal.ExecutorStateChanged;
import io.drover.protocol.internal.KillExecutor;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.ExecutorState;
import io.drover.protocol.ids.ExecutorIds;
import io.drover.protocol.internal.ChildProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applications and their executors (DESIGN.md §2, flows 4 and 5): registration, the end of an
 * application, executor limits and kills, what workers report about executors, and lost workers. Every
 * change to an executor is published to the application's subscribers as an event.
 */
final class ApplicationHandler {

    private static final Logger log = LoggerFactory.getLogger(ApplicationHandler.class);

    /**
     * How long an executor must have run for its end to say the command works. Spark resets the failure
     * count as soon as an executor reports RUNNING, but a worker reports that when the process starts, so a
     * command that starts and dies at once would reset it every time and never fail the application.
     */
    static final Duration STABLE_RUN = Duration.ofSeconds(5);

    private final MasterState state;
    private final MachineSettings settings;
    private final IdGenerator ids;

    ApplicationHandler(MasterState state, MachineSettings settings, IdGenerator ids) {
        this.state = state;
        this.settings = settings;
        this.ids = ids;
    }

    String register(RegisterApplicationRequest request, String submittedBy, Instant now, List<Effect> effects) {
        checkSomeWorkerCouldHoldAnExecutor(request);
        SubmissionChecks.checkQueue(settings.scheduling(), request.queue(), request.coresPerExecutor(),
                "coresPerExecutor");
        SubmissionChecks.checkResources(state, request.resourcesPerExecutor(), "resourcesPerExecutor");
        if (request.executorCommand().needsSpark()) {
            DriverHandler.checkSomeWorkerHasSpark(state);
        }
        if (request.driverId() != null && state.activeDriver(request.driverId()).isEmpty()) {
            throw CommandRejected.invalid("driverId: " + request.driverId() + " is not a driver that is running");
        }
        Integer maxCores = request.maxCores() != null ? request.maxCores() : settings.defaultCores();
        long number = state.nextAppNumber();
        ApplicationEntry app = new ApplicationEntry(ids.appId(number), number, request.name(),
                request.executorCommand(), request.appResource(), request.coresPerExecutor(),
                request.memoryPerExecutorMb(), maxCores, request.executorLimit(), request.driverUrl(),
                request.driverId(), ApplicationState.WAITING, now, null, null, 0, 0, 0, Map.of(),
                Audit.submittedBy(submittedBy), new Queueing(request.queue(), request.priority()),
                request.resourcesPerExecutor(), request.webUiUrl());
        settings.quota().checkApplication(state, submittedBy, app);
        state.putApp(app);
        effects.add(new Effect.RequestSchedule());
        log.info("Application {} registered by {}: {} ({} MB per executor, {} cores per executor, max cores {})",
                app.appId(), submittedBy, app.name(), app.memoryPerExecutorMb(),
                app.coresPerExecutor() == null ? "all granted on a worker" : app.coresPerExecutor(),
                maxCores == null ? "unlimited" : maxCores);
        return app.appId();
    }

    /** As for drivers: an executor bigger than every alive worker would never launch, so it is refused. */
    private void checkSomeWorkerCouldHoldAnExecutor(RegisterApplicationRequest request) {
        List<WorkerEntry> alive = state.workers().values().stream().filter(WorkerEntry::acceptsWork).toList();
        if (alive.isEmpty()) {
            return;
        }
        long maxMemory = alive.stream().mapToLong(w -> w.total().memoryMb()).max().orElse(0);
        int maxCores = alive.stream().mapToInt(w -> w.total().cores()).max().orElse(0);
        if (request.memoryPerExecutorMb() > maxMemory) {
            throw CommandRejected.invalid("memoryPerExecutorMb: " + request.memoryPerExecutorMb()
                    + " is more than any worker offers (largest: " + maxMemory + ")");
        }
        if (request.coresPerExecutor() != null && request.coresPerExecutor() > maxCores) {
            throw CommandRejected.invalid("coresPerExecutor: " + request.coresPerExecutor()
                    + " is more than any worker offers (largest: " + maxCores + ")");
        }
    }

    void finish(String appId, Instant now, List<Effect> effects) {
        end(activeOrReject(appId), ApplicationState.FINISHED, "unregistered by its driver", now, effects);
    }

    void kill(String appId, String killedBy, Instant now, List<Effect> effects) {
        ApplicationEntry app = activeOrReject(appId).killedBy(killedBy);
        state.putApp(app);
        end(app, ApplicationState.KILLED, "killed by " + killedBy, now, effects);
    }

    void setExecutorLimit(String appId, int limit, Instant now, List<Effect> effects) {
        ApplicationEntry app = activeOrReject(appId).withExecutorLimit(limit);
        state.putApp(app);
        List<ExecutorEntry> live = app.executors().values().stream().filter(ExecutorEntry::isLive).toList();
        // The newest go first: the oldest have done the most work and warmed the most caches.
        for (int i = live.size() - 1; i >= limit; i--) {
            stopExecutor(live.get(i), "killed: executor limit lowered to " + limit, now, effects);
        }
        effects.add(new Effect.RequestSchedule());
        log.info("Application {} executor limit set to {}", appId, limit);
    }

    void killExecutor(String appId, int executorId, Instant now, List<Effect> effects) {
        ApplicationEntry app = activeOrReject(appId);
        ExecutorEntry executor = app.executors().get(executorId);
        if (executor == null) {
            throw CommandRejected.notFound("application " + appId + " has no executor " + executorId);
        }
        if (!executor.isLive()) {
            throw CommandRejected.conflict("executor " + executor.key() + " has already ended (" + executor.state()
                    + ")");
        }
        stopExecutor(executor, "killed by request", now, effects);
        effects.add(new Effect.RequestSchedule());
    }

    void executorStateChanged(String workerId, ExecutorStateChanged report, Instant now, List<Effect> effects) {
        ApplicationEntry app = state.activeApp(report.appId()).orElse(null);
        ExecutorEntry executor = app == null ? null : app.executors().get(report.executorId());
        if (executor == null || !executor.isLive() || !workerId.equals(executor.workerId())) {
            // Late news about an executor that was ended here (a kill, a lost worker, an ended application); its
            // end frees what the worker held for it.
            if (report.state().isTerminal()) {
                release(workerId, Paths.executorKey(report.appId(), report.executorId()), effects);
            }
            return;
        }
        if (report.workerFault() != null && report.state().isTerminal()) {
            // Not the application's failure: LOST, never counted towards max-executor-retries, replaced elsewhere.
            lose(executor.key(), "launch refused by worker " + workerId + ": " + report.workerFault(), now, effects);
            effects.add(new Effect.RequestSchedule());
            return;
        }
        if (report.state() == ExecutorState.RUNNING) {
            running(app, executor.running(report.pid(), now), now, effects);
        } else if (report.state().isTerminal()) {
            executorEnded(app, executor.ended(report.state(), report.exitCode(), report.message(), now), now,
                    effects);
        }
    }

    private void running(ApplicationEntry app, ExecutorEntry running, Instant now, List<Effect> effects) {
        state.updateExecutor(running, app.consecutiveFailures());
        if (app.state() == ApplicationState.WAITING) {
            setState(app.appId(), ApplicationState.RUNNING, now, effects);
        }
        publish(app.appId(), ApplicationEventType.EXECUTOR_UPDATED, running, effects);
    }

    /**
     * A worker answering a master that took over (or registering again) reports the executors it runs: each
     * is adopted as it runs. After a take-over its word is complete: an executor placed there that it does
     * not report is not running, so it is LOST (not the application's fault) and replaced.
     */
    void adopt(String workerId, List<ChildProcess> reported, boolean afterTakeOver, Instant now,
            List<Effect> effects) {
        Set<String> reportedKeys = new HashSet<>();
        for (ChildProcess process : reported) {
            reportedKeys.add(process.id());
            Optional<ExecutorIds.Key> key = ExecutorIds.parseKey(process.id());
            ApplicationEntry app = key.flatMap(k -> state.activeApp(k.appId())).orElse(null);
            ExecutorEntry executor = app == null ? null : app.executors().get(key.get().executorId());
            if (executor == null || !executor.isLive() || !workerId.equals(executor.workerId())
                    || process.pid() == null || process.pid().equals(executor.pid())) {
                continue; // not ours to adopt (the reply's kill list takes it), still launching, or known
            }
            Instant since = process.startedAt() != null ? process.startedAt() : now;
            running(app, executor.running(process.pid(), since), now, effects);
            log.info("Executor {} adopted on {} (pid {})", executor.key(), workerId, process.pid());
        }
        if (afterTakeOver) {
            for (String executorKey : List.copyOf(state.worker(workerId).orElseThrow().executorKeys())) {
                if (!reportedKeys.contains(executorKey)) {
                    lose(executorKey, "its worker " + workerId + " did not report it running after master "
                            + state.url() + " took over", now, effects);
                }
            }
        }
    }

    /** After a take-over: executors placed on a worker the store no longer knows cannot come back. */
    void dropExecutorsOnUnknownWorkers(Instant now, List<Effect> effects) {
        for (ApplicationEntry app : List.copyOf(state.activeApps().values())) {
            for (ExecutorEntry executor : app.executors().values()) {
                if (executor.isLive() && state.worker(executor.workerId()).isEmpty()) {
                    lose(executor.key(), "its worker " + executor.workerId() + " is not known after master "
                            + state.url() + " took over", now, effects);
                }
            }
        }
        effects.add(new Effect.RequestSchedule());
    }

    void launchFailed(String appId, int executorId, String workerId, String reason, Instant now,
            List<Effect> effects) {
        ApplicationEntry app = state.activeApp(appId).orElse(null);
        ExecutorEntry executor = app == null ? null : app.executors().get(executorId);
        if (executor == null || !executor.isLive() || !workerId.equals(executor.workerId())) {
            return;
        }
        executorEnded(app, executor.ended(ExecutorState.FAILED, null, "launch on " + workerId + " failed: " + reason,
                now), now, effects);
    }

    /**
     * The worker had no room for the executor: it ends LOST (not the application's fault) and the application
     * gets another one. As for drivers, the safety-net round places it, not a round asked for now.
     */
    void launchRefused(String appId, int executorId, String workerId, String reason, Instant now,
            List<Effect> effects) {
        ApplicationEntry app = state.activeApp(appId).orElse(null);
        ExecutorEntry executor = app == null ? null : app.executors().get(executorId);
        if (executor == null || executor.state() != ExecutorState.LAUNCHING || !workerId.equals(executor.workerId())) {
            return;
        }
        lose(executor.key(), "worker " + workerId + " refused the launch: " + reason, now, effects);
        log.info("Executor {} refused by {}: {}", executor.key(), workerId, reason);
    }

    /** The worker is gone: its executors are LOST and replaced elsewhere; that is not the application's fault. */
    void workerLost(WorkerEntry worker, String why, Instant now, List<Effect> effects) {
        for (String key : List.copyOf(worker.executorKeys())) {
            lose(key, "worker " + worker.workerId() + " was lost: " + why, now, effects);
        }
        effects.add(new Effect.RequestSchedule());
    }

    /** Ends a live executor LOST: gone with its worker; replaced, and not counted as a failure. */
    private void lose(String executorKey, String why, Instant now, List<Effect> effects) {
        endWithoutFault(executorKey, ExecutorState.LOST, why, now, effects);
    }

    /**
     * Its worker is being decommissioned: each live executor there ends DECOMMISSIONED (not a failure), its
     * application hears it, the worker is told to stop it, and it is replaced elsewhere.
     */
    void decommissionExecutors(String workerId, String why, Instant now, List<Effect> effects) {
        WorkerEntry worker = state.worker(workerId).orElseThrow();
        for (String key : List.copyOf(worker.executorKeys())) {
            endWithoutFault(key, ExecutorState.DECOMMISSIONED, why, now, effects);
            ExecutorIds.parseKey(key).ifPresent(k -> effects.add(new Effect.SendKillExecutor(workerId,
                    worker.protocolUrl(), k.appId(), k.executorId(), new KillExecutor(state.url(), state.epoch()))));
        }
        effects.add(new Effect.RequestSchedule());
    }

    private void endWithoutFault(String executorKey, ExecutorState end, String why, Instant now,
            List<Effect> effects) {
        ExecutorIds.parseKey(executorKey).ifPresent(key -> state.activeApp(key.appId())
                .map(app -> app.executors().get(key.executorId()))
                .filter(ExecutorEntry::isLive)
                .ifPresent(executor -> {
                    ApplicationEntry app = state.activeApp(key.appId()).orElseThrow();
                    ExecutorEntry ended = executor.ended(end, null, why, now);
                    state.updateExecutor(ended, app.consecutiveFailures());
                    publish(key.appId(), ApplicationEventType.EXECUTOR_REMOVED, ended, effects);
                }));
    }

    /** An application registered by a Drover driver ends with it. */
    void driverEnded(String driverId, Instant now, List<Effect> effects) {
        for (ApplicationEntry app : List.copyOf(state.activeApps().values())) {
            if (driverId.equals(app.driverId())) {
                end(app, ApplicationState.FINISHED, "its driver " + driverId + " ended", now, effects);
            }
        }
    }

    /**
     * A heartbeat's inventory: an executor the master ended that the worker no longer lists has gone (its end
     * report may have been lost), and what it held is free.
     */
    void releaseNotRunning(String workerId, List<String> running, List<Effect> effects) {
        WorkerEntry worker = state.worker(workerId).orElse(null);
        if (worker == null) {
            return;
        }
        Set<String> listed = new HashSet<>(running);
        for (String key : List.copyOf(worker.executorKeys())) {
            if (!listed.contains(key)) {
                release(workerId, key, effects);
            }
        }
    }

    private void release(String workerId, String executorKey, List<Effect> effects) {
        if (state.isHeld(executorKey)) {
            state.releaseHeld(workerId, executorKey);
            effects.add(new Effect.RequestSchedule());
        }
    }

    /** Executors a worker says it runs that the master has not placed there, or has ended: kill them. */
    List<String> notPlacedOn(String workerId, List<String> running) {
        WorkerEntry worker = state.worker(workerId).orElse(null);
        return running.stream().filter(key -> worker == null || !worker.executorKeys().contains(key)).toList();
    }

    /**
     * Executors the master ended over a worker timeout ago that the worker still runs: the kill must have been
     * lost, so the worker is told again (it then stops them without a report, and its next heartbeat frees
     * what they held). Sooner would silence a kill still under way, whose report frees them at once.
     */
    List<String> stillRunningLongAfterTheirEnd(List<String> running, Instant now) {
        Instant cutoff = now.minus(settings.workerTimeout());
        return running.stream().filter(key -> state.heldSince(key, cutoff)).toList();
    }

    private void executorEnded(ApplicationEntry app, ExecutorEntry ended, Instant now, List<Effect> effects) {
        // Spark's rule: an exit with code 0 is normal; anything else counts towards max-executor-retries. An
        // executor that ran a while before failing proves the command works, so the count starts again.
        boolean failure = !(ended.state() == ExecutorState.EXITED && Integer.valueOf(0).equals(ended.exitCode()));
        int failures;
        if (!failure) {
            failures = 0;
        } else if (ended.ranAtLeast(STABLE_RUN, now)) {
            failures = 1;
        } else {
            failures = app.consecutiveFailures() + 1;
        }
        state.updateExecutor(ended, failures);
        publish(app.appId(), ApplicationEventType.EXECUTOR_REMOVED, ended, effects);
        log.info("Executor {} {}{}{}", ended.key(), ended.state(),
                ended.exitCode() != null ? " with exit code " + ended.exitCode() : "",
                ended.message() != null ? ": " + ended.message() : "");
        ApplicationEntry updated = state.activeApp(app.appId()).orElseThrow();
        if (failure && failures >= settings.maxExecutorRetries() && !updated.anyRunningStably(STABLE_RUN, now)) {
            end(updated, ApplicationState.FAILED, failures + " consecutive executor failures with none running; last: "
                    + ended.key() + " " + ended.state() + (ended.exitCode() != null ? " with exit code "
                    + ended.exitCode() : "") + (ended.message() != null ? " (" + ended.message() + ")" : ""),
                    now, effects);
            return;
        }
        effects.add(new Effect.RequestSchedule());
    }

    /** Ends a live executor from the master's side: it stops counting at once, and its worker is told. */
    private void stopExecutor(ExecutorEntry executor, String why, Instant now, List<Effect> effects) {
        ApplicationEntry app = state.activeApp(executor.appId()).orElseThrow();
        ExecutorEntry killed = executor.ended(ExecutorState.KILLED, null, why, now);
        state.endExecutorHeld(killed, app.consecutiveFailures());
        publish(executor.appId(), ApplicationEventType.EXECUTOR_REMOVED, killed, effects);
        state.worker(executor.workerId()).filter(WorkerEntry::mayRunWork).ifPresent(worker -> effects.add(
                new Effect.SendKillExecutor(worker.workerId(), worker.protocolUrl(), executor.appId(), executor.executorId(),
                        new KillExecutor(state.url(), state.epoch()))));
        log.info("Executor {} {}", executor.key(), why);
    }

    private void end(ApplicationEntry app, ApplicationState finalState, String why, Instant now,
            List<Effect> effects) {
        Set<String> hosts = new LinkedHashSet<>();
        for (ExecutorEntry executor : app.executors().values()) {
            hosts.add(executor.workerId());
            if (executor.isLive()) {
                ApplicationEntry current = state.activeApp(app.appId()).orElseThrow();
                ExecutorEntry killed = executor.ended(ExecutorState.KILLED, null, "its application ended", now);
                state.endExecutorHeld(killed, current.consecutiveFailures());
                publish(app.appId(), ApplicationEventType.EXECUTOR_REMOVED, killed, effects);
            }
        }
        // The workers kill what is left and delete the application's local directories.
        for (String workerId : hosts) {
            state.worker(workerId).filter(WorkerEntry::mayRunWork).ifPresent(worker -> effects.add(
                    new Effect.SendApplicationFinished(worker.workerId(), worker.protocolUrl(), app.appId(),
                            new ApplicationFinished(state.url(), state.epoch()))));
        }
        ApplicationEntry current = state.activeApp(app.appId()).orElseThrow();
        long seq = current.eventSeq() + 1;
        ApplicationEntry ended = current.with(finalState, now, why).withEventSeq(seq);
        state.completeApp(ended);
        effects.add(new Effect.PublishEvent(new ApplicationEvent(ApplicationEventType.APPLICATION_STATE, seq,
                app.appId(), null, finalState, why), true));
        effects.add(new Effect.RequestSchedule());
        log.info("Application {} {}: {}", app.appId(), finalState, why);
    }

    private void setState(String appId, ApplicationState newState, Instant now, List<Effect> effects) {
        ApplicationEntry app = state.activeApp(appId).orElseThrow();
        long seq = app.eventSeq() + 1;
        state.putApp(app.with(newState, null, null).withEventSeq(seq));
        effects.add(new Effect.PublishEvent(new ApplicationEvent(ApplicationEventType.APPLICATION_STATE, seq, appId,
                null, newState, null), false));
    }

    /** Records and publishes an event about one executor of an active application. */
    void publish(String appId, ApplicationEventType type, ExecutorEntry executor, List<Effect> effects) {
        ApplicationEntry app = state.activeApp(appId).orElseThrow();
        long seq = app.eventSeq() + 1;
        state.putApp(app.withEventSeq(seq));
        String workerUrl = state.worker(executor.workerId()).map(WorkerEntry::url).orElse(null);
        effects.add(new Effect.PublishEvent(new ApplicationEvent(type, seq, appId,
                ExecutorViews.of(executor, workerUrl), null, null), false));
    }

    private ApplicationEntry activeOrReject(String appId) {
        ApplicationEntry app = state.anyApp(appId)
                .orElseThrow(() -> CommandRejected.notFound("no application " + appId));
        if (app.state().isTerminal()) {
            throw CommandRejected.conflict("application " + appId + " has already ended (" + app.state() + ")");
        }
        return app;
    }
}
