package io.drover.master.state.machine;

import io.drover.master.scheduling.SchedulingRound;
import io.drover.master.scheduling.placement.DriverDecision;
import io.drover.master.scheduling.placement.ExecutorDecision;
import io.drover.master.scheduling.placement.Placement;
import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.master.state.model.WaitReasons;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.api.ApplicationEventType;
import io.drover.protocol.internal.ExecutorDescription;
import io.drover.protocol.internal.LaunchDriver;
import io.drover.protocol.internal.LaunchExecutor;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Applies a placement round's decisions (the round itself is {@code scheduling}'s): places each driver and
 * executor in the state, with the custom resource addresses it got, describes the launch calls, and keeps the
 * reasons of what waits for the API and the dashboard.
 */
final class SchedulingHandler {

    private final MasterState state;
    private final SchedulingRound round;
    private final RandomGenerator random;
    private final ApplicationHandler applications;

    SchedulingHandler(MasterState state, MachineSettings settings, RandomGenerator random,
            ApplicationHandler applications) {
        this.state = state;
        this.round = new SchedulingRound(settings.scheduling());
        this.random = random;
        this.applications = applications;
    }

    void schedule(Instant now, List<Effect> effects) {
        Placement placement = round.plan(state, random.nextLong());
        placement.drivers().forEach(decision -> launchDriver(decision, now, effects));
        placement.executors().forEach(decision -> launchExecutor(decision, now, effects));
        state.waiting(new WaitReasons(placement.driverReasons(), placement.appReasons()));
    }

    private void launchDriver(DriverDecision decision, Instant now, List<Effect> effects) {
        DriverEntry placed = state.activeDriver(decision.driverId()).orElseThrow()
                .placedOn(decision.workerId(), decision.resourceAddresses(), now);
        state.updateDriver(placed);
        WorkerEntry worker = state.worker(decision.workerId()).orElseThrow();
        effects.add(new Effect.SendLaunchDriver(worker.workerId(), worker.protocolUrl(),
                new LaunchDriver(state.url(), state.epoch(), placed.driverId(), placed.description(),
                        placed.resourceAddresses())));
    }

    private void launchExecutor(ExecutorDecision decision, Instant now, List<Effect> effects) {
        ApplicationEntry app = state.activeApp(decision.appId()).orElseThrow();
        ExecutorEntry executor = ExecutorEntry.launching(app.appId(), app.nextExecutorId(), decision.workerId(),
                decision.cores(), decision.memoryMb(), decision.resourceAddresses(), now);
        state.launchExecutor(executor);
        applications.publish(app.appId(), ApplicationEventType.EXECUTOR_ADDED, executor, effects);
        WorkerEntry worker = state.worker(decision.workerId()).orElseThrow();
        effects.add(new Effect.SendLaunchExecutor(worker.workerId(), worker.protocolUrl(),
                new LaunchExecutor(state.url(), state.epoch(), app.appId(), executor.executorId(),
                        new ExecutorDescription(app.name(), app.executorCommand(), app.appResource(),
                                executor.cores(), executor.memoryMb(), app.driverUrl(),
                                executor.resourceAddresses()))));
    }
}
