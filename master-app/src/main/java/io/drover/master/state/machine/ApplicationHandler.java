package io.drover.master.state.machine;

import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.Audit;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.master.state.model.ExecutorViews;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.api.ApplicationEvent;
import io.drover.protocol.api.ApplicationEventType;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.ids.IdGenerator;
import io.drover.protocol.internal.ApplicationFinished;
import io.drover.protocol.internal.ExecutorStateChanged;
import io.drover.protocol.internal.KillExecutor;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.ExecutorState;
import io.drover.protocol.state.MasterStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
        if (state.status() != MasterStatus.ALIVE) {
            throw CommandRejected.notAlive("the master is " + state.status() + " and takes no applications");
        }
        checkSomeWorkerCouldHoldAnExecutor(request);
        if (request.executorCommand().needsSpark()) {
            DriverHandler.checkSomeWorkerHasSpark(state);
        }
        if (request.driverId() != null && state.activeDriver(request.driverId()).isEmpty()) {
            throw CommandRejected.invalid("driverId: " + request.driverId() + " is not a driver that is running");
        }
        Integer maxCores = request.maxCores() != null ? request.maxCores() : settings.defaultCores();
        ApplicationEntry app = new ApplicationEntry(ids.newAppId(), state.nextAppSeq(), request.name(),
                request.executorCommand(), request.appResource(), request.coresPerExecutor(),
                request.memoryPerExecutorMb(), maxCores, request.executorLimit(), request.driverUrl(),
                request.driverId(), ApplicationState.WAITING, now, null, null, 0, 0, 0, Map.of(),
                Audit.submittedBy(submittedBy), request.webUiUrl());
        state.putApp(app);
        effects.add(new Effect.Persist(Effect.appKey(app.appId()), app));
        effects.add(new Effect.RequestSchedule());
        log.info("Application {} registered by {}: {} ({} MB per executor, {} cores per executor, max cores {})",
                app.appId(), submittedBy, app.name(), app.memoryPerExecutorMb(),
                app.coresPerExecutor() == null ? "all granted on a worker" : app.coresPerExecutor(),
                maxCores == null ? "unlimited" : maxCores);
        return app.appId();
    }

    /** As for drivers: an executor bigger than every alive worker would never launch, so it is refused. */
    private void checkSomeWorkerCouldHoldAnExecutor(RegisterApplicationRequest request) {
        List<WorkerEntry> alive = state.workers().values().stream().filter(WorkerEntry::isAlive).toList();
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
        effects.add(new Effect.Persist(Effect.appKey(appId), state.activeApp(appId).orElseThrow()));
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
        effects.add(new Effect.Persist(Effect.appKey(appId), state.activeApp(appId).orElseThrow()));
        effects.add(new Effect.RequestSchedule());
    }

    void executorStateChanged(String workerId, ExecutorStateChanged report, Instant now, List<Effect> effects) {
        ApplicationEntry app = state.activeApp(report.appId()).orElse(null);
        ExecutorEntry executor = app == null ? null : app.executors().get(report.executorId());
        if (executor == null || !executor.isLive() || !workerId.equals(executor.workerId())) {
            // Late news about an executor that was ended here (a kill, a lost worker, an ended application).
            log.debug("Ignoring {} for executor {}/{} from {}", report.state(), report.appId(), report.executorId(),
                    workerId);
            return;
        }
        if (report.state() == ExecutorState.RUNNING) {
            state.updateExecutor(executor.running(now), app.consecutiveFailures());
            if (app.state() == ApplicationState.WAITING) {
                setState(report.appId(), ApplicationState.RUNNING, now, effects);
            }
            publish(report.appId(), ApplicationEventType.EXECUTOR_UPDATED, state.activeApp(report.appId())
                    .orElseThrow().executors().get(report.executorId()), effects);
        } else if (report.state().isTerminal()) {
            executorEnded(app, executor.ended(report.state(), report.exitCode(), report.message(), now), now,
                    effects);
        }
        effects.add(new Effect.Persist(Effect.appKey(report.appId()), state.anyApp(report.appId()).orElseThrow()));
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

    /** The worker is gone: its executors are LOST and replaced elsewhere; that is not the application's fault. */
    void workerLost(WorkerEntry worker, String why, Instant now, List<Effect> effects) {
        for (String key : worker.executorKeys()) {
            int slash = key.lastIndexOf('/');
            String appId = key.substring(0, slash);
            int executorId = Integer.parseInt(key.substring(slash + 1));
            state.activeApp(appId).map(app -> app.executors().get(executorId)).filter(ExecutorEntry::isLive)
                    .ifPresent(executor -> {
                        ApplicationEntry app = state.activeApp(appId).orElseThrow();
                        state.updateExecutor(executor.ended(ExecutorState.LOST, null,
                                "worker " + worker.workerId() + " was lost: " + why, now), app.consecutiveFailures());
                        publish(appId, ApplicationEventType.EXECUTOR_REMOVED,
                                state.activeApp(appId).orElseThrow().executors().get(executorId), effects);
                        effects.add(new Effect.Persist(Effect.appKey(appId), state.activeApp(appId).orElseThrow()));
                    });
        }
        effects.add(new Effect.RequestSchedule());
    }

    /** An application registered by a Drover driver ends with it. */
    void driverEnded(String driverId, Instant now, List<Effect> effects) {
        for (ApplicationEntry app : List.copyOf(state.activeApps().values())) {
            if (driverId.equals(app.driverId())) {
                end(app, ApplicationState.FINISHED, "its driver " + driverId + " ended", now, effects);
            }
        }
    }

    /** Executors a worker says it runs that the master has not placed there, or has ended: kill them. */
    List<String> notPlacedOn(String workerId, List<String> running) {
        WorkerEntry worker = state.worker(workerId).orElse(null);
        return running.stream().filter(key -> worker == null || !worker.executorKeys().contains(key)).toList();
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
        state.updateExecutor(killed, app.consecutiveFailures());
        publish(executor.appId(), ApplicationEventType.EXECUTOR_REMOVED, killed, effects);
        state.worker(executor.workerId()).filter(WorkerEntry::isAlive).ifPresent(worker -> effects.add(
                new Effect.SendKillExecutor(worker.workerId(), worker.url(), executor.appId(), executor.executorId(),
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
                state.updateExecutor(killed, current.consecutiveFailures());
                publish(app.appId(), ApplicationEventType.EXECUTOR_REMOVED, killed, effects);
            }
        }
        // The workers kill what is left and delete the application's local directories.
        for (String workerId : hosts) {
            state.worker(workerId).filter(WorkerEntry::isAlive).ifPresent(worker -> effects.add(
                    new Effect.SendApplicationFinished(worker.workerId(), worker.url(), app.appId(),
                            new ApplicationFinished(state.url(), state.epoch()))));
        }
        ApplicationEntry current = state.activeApp(app.appId()).orElseThrow();
        long seq = current.eventSeq() + 1;
        ApplicationEntry ended = current.with(finalState, now, why).withEventSeq(seq);
        state.completeApp(ended);
        effects.add(new Effect.PublishEvent(new ApplicationEvent(ApplicationEventType.APPLICATION_STATE, seq,
                app.appId(), null, finalState, why), true));
        effects.add(new Effect.Unpersist(Effect.appKey(app.appId())));
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
