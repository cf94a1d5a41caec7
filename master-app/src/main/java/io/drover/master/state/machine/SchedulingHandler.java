package io.drover.master.state.machine;

import io.drover.master.scheduling.placement.DriverAssignment;
import io.drover.master.scheduling.placement.DriverPlacement;
import io.drover.master.scheduling.placement.ExecutorAssignment;
import io.drover.master.scheduling.placement.ExecutorPlacement;
import io.drover.master.scheduling.placement.PendingApp;
import io.drover.master.scheduling.placement.WaitingDriver;
import io.drover.master.scheduling.placement.WorkerCapacity;
import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.api.ApplicationEventType;
import io.drover.protocol.internal.ExecutorDescription;
import io.drover.protocol.internal.LaunchDriver;
import io.drover.protocol.internal.LaunchExecutor;
import io.drover.protocol.resources.Resources;
import io.drover.protocol.state.MasterStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * One placement round (DESIGN.md §3): drivers first, then executors with what the drivers left. It takes
 * the waiting work and the alive workers from the state, asks the pure {@link DriverPlacement} and
 * {@link ExecutorPlacement} where things go, records the decisions and describes the launch calls.
 */
final class SchedulingHandler {

    private final MasterState state;
    private final MachineSettings settings;
    private final RandomGenerator random;
    private final ApplicationHandler applications;

    SchedulingHandler(MasterState state, MachineSettings settings, RandomGenerator random,
            ApplicationHandler applications) {
        this.state = state;
        this.settings = settings;
        this.random = random;
        this.applications = applications;
    }

    void schedule(Instant now, List<Effect> effects) {
        if (state.status() != MasterStatus.ALIVE) {
            return;
        }
        placeDrivers(now, effects);
        placeExecutors(now, effects);
    }

    private List<WorkerCapacity> aliveWorkers() {
        return state.workers().values().stream()
                .filter(WorkerEntry::isAlive)
                .map(w -> new WorkerCapacity(w.workerId(), w.free(), w.hasSpark()))
                .toList();
    }

    private void placeDrivers(Instant now, List<Effect> effects) {
        List<WaitingDriver> waiting = state.activeDrivers().values().stream()
                .filter(DriverEntry::isWaiting)
                .map(d -> new WaitingDriver(d.driverId(), d.demand(), d.description().command().needsSpark()))
                .toList();
        if (waiting.isEmpty()) {
            return;
        }
        for (DriverAssignment assignment : DriverPlacement.place(waiting, aliveWorkers(), random.nextLong())) {
            DriverEntry placed = state.activeDriver(assignment.driverId()).orElseThrow()
                    .placedOn(assignment.workerId(), now);
            state.updateDriver(placed);
            WorkerEntry worker = state.worker(assignment.workerId()).orElseThrow();
            effects.add(new Effect.Persist(Effect.driverKey(placed.driverId()), placed));
            effects.add(new Effect.SendLaunchDriver(worker.workerId(), worker.url(),
                    new LaunchDriver(state.url(), state.epoch(), placed.driverId(), placed.description())));
        }
    }

    private void placeExecutors(Instant now, List<Effect> effects) {
        List<PendingApp> pending = state.activeApps().values().stream()
                .map(SchedulingHandler::pending)
                .filter(p -> p.coresWanted() > 0 && p.executorsAllowed() > 0)
                .toList();
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Integer> launched = new LinkedHashMap<>();
        for (ExecutorAssignment assignment : ExecutorPlacement.place(pending, aliveWorkers(), settings.spreadOut())) {
            ApplicationEntry app = state.activeApp(assignment.appId()).orElseThrow();
            ExecutorEntry executor = ExecutorEntry.launching(app.appId(), app.nextExecutorId(),
                    assignment.workerId(), assignment.cores(), assignment.memoryMb(), now);
            state.launchExecutor(executor);
            applications.publish(app.appId(), ApplicationEventType.EXECUTOR_ADDED, executor, effects);
            WorkerEntry worker = state.worker(assignment.workerId()).orElseThrow();
            effects.add(new Effect.SendLaunchExecutor(worker.workerId(), worker.url(),
                    new LaunchExecutor(state.url(), state.epoch(), app.appId(), executor.executorId(),
                            new ExecutorDescription(app.name(), app.executorCommand(), app.appResource(),
                                    executor.cores(), executor.memoryMb(), app.driverUrl()))));
            launched.merge(app.appId(), 1, Integer::sum);
        }
        launched.keySet().forEach(appId -> effects.add(
                new Effect.Persist(Effect.appKey(appId), state.activeApp(appId).orElseThrow())));
    }

    private static PendingApp pending(ApplicationEntry app) {
        List<ExecutorEntry> live = app.executors().values().stream().filter(ExecutorEntry::isLive).toList();
        int granted = live.stream().mapToInt(ExecutorEntry::cores).sum();
        int coresWanted = app.maxCores() == null ? Integer.MAX_VALUE : Math.max(0, app.maxCores() - granted);
        int executorsAllowed = app.executorLimit() == null ? Integer.MAX_VALUE
                : Math.max(0, app.executorLimit() - live.size());
        Set<String> hosts = live.stream().map(ExecutorEntry::workerId).collect(Collectors.toSet());
        return new PendingApp(app.appId(), app.coresPerExecutor(), app.memoryPerExecutorMb(), coresWanted,
                executorsAllowed, hosts, app.executorCommand().needsSpark());
    }
}
