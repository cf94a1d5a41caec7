package io.drover.master.state.machine;

import io.drover.master.state.machine.Command.CheckWorkersCommand;
import io.drover.master.state.machine.Command.DecommissionWorkerCommand;
import io.drover.master.state.machine.Command.FinishApplicationCommand;
import io.drover.master.state.machine.Command.HeartbeatCommand;
import io.drover.master.state.machine.Command.KillApplicationCommand;
import io.drover.master.state.machine.Command.KillDriverCommand;
import io.drover.master.state.machine.Command.KillExecutorCommand;
import io.drover.master.state.machine.Command.LaunchExecutorFailedCommand;
import io.drover.master.state.machine.Command.LaunchFailedCommand;
import io.drover.master.state.machine.Command.LaunchRefusedCommand;
import io.drover.master.state.machine.Command.LeaderObservedCommand;
import io.drover.master.state.machine.Command.RegisterApplicationCommand;
import io.drover.master.state.machine.Command.RegisterWorkerCommand;
import io.drover.master.state.machine.Command.ScheduleCommand;
import io.drover.master.state.machine.Command.SetExecutorLimitCommand;
import io.drover.master.state.machine.Command.StatesChangedCommand;
import io.drover.master.state.machine.Command.StepDownCommand;
import io.drover.master.state.machine.Command.SubmitDriverCommand;
import io.drover.master.state.machine.Command.TakeOverCommand;
import io.drover.master.state.machine.Command.WorkerDecommissioningCommand;
import io.drover.master.state.machine.Command.WorkerLeavingCommand;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.protocol.ids.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Applies a {@link Command} to the master's state and says what must follow, as {@link Effect}s. It does no
 * I/O and takes no locks: it must only be called from one thread (the state store's inbox). A rejected
 * command throws {@link CommandRejected} before anything has changed; whether the master's lifecycle state
 * accepts a command at all is decided first, by {@link MasterLifecycle}'s table.
 */
public final class ClusterStateMachine {

    private final MasterState state;
    private final Clock clock;
    private final DriverHandler drivers;
    private final WorkerHandler workers;
    private final SchedulingHandler scheduling;
    private final ApplicationHandler applications;
    private final RecoveryHandler recovery;
    private final DecommissionHandler decommissions;

    public ClusterStateMachine(MasterState state, MachineSettings settings, Clock clock, IdGenerator ids,
            RandomGenerator random) {
        this.state = state;
        this.clock = clock;
        this.applications = new ApplicationHandler(state, settings, ids);
        this.drivers = new DriverHandler(state, settings, ids, applications);
        this.workers = new WorkerHandler(state, settings, drivers, applications);
        this.scheduling = new SchedulingHandler(state, settings, random, applications);
        this.decommissions = new DecommissionHandler(state, applications);
        this.recovery = new RecoveryHandler(state, settings, workers, drivers, applications);
    }

    @SuppressWarnings("unchecked")
    public <R> R apply(Command<R> command, List<Effect> effects) {
        MasterLifecycle.check(state, command);
        Instant now = clock.instant();
        Object reply = null;
        if (command instanceof SubmitDriverCommand c) {
            reply = drivers.submit(c.request(), c.submittedBy(), now, effects);
        } else if (command instanceof StatesChangedCommand c) {
            workers.applyReports(c.workerId(), c.reports(), now, effects);
        } else if (command instanceof RegisterApplicationCommand c) {
            reply = applications.register(c.request(), c.submittedBy(), now, effects);
        } else if (command instanceof FinishApplicationCommand c) {
            applications.finish(c.appId(), now, effects);
        } else if (command instanceof KillApplicationCommand c) {
            applications.kill(c.appId(), c.killedBy(), now, effects);
        } else if (command instanceof SetExecutorLimitCommand c) {
            applications.setExecutorLimit(c.appId(), c.limit(), now, effects);
        } else if (command instanceof KillExecutorCommand c) {
            applications.killExecutor(c.appId(), c.executorId(), now, effects);
        } else if (command instanceof LaunchExecutorFailedCommand c) {
            applications.launchFailed(c.appId(), c.executorId(), c.workerId(), c.reason(), now, effects);
        } else if (command instanceof KillDriverCommand c) {
            drivers.kill(c.driverId(), c.killedBy(), now, effects);
        } else if (command instanceof LaunchFailedCommand c) {
            drivers.launchFailed(c.driverId(), c.workerId(), c.reason(), now, effects);
        } else if (command instanceof LaunchRefusedCommand c) {
            if (c.driverId() != null) {
                drivers.launchRefused(c.driverId(), c.workerId(), c.reason(), now, effects);
            } else {
                applications.launchRefused(c.appId(), c.executorId(), c.workerId(), c.reason(), now, effects);
            }
        } else if (command instanceof RegisterWorkerCommand c) {
            reply = workers.register(c.message(), now, effects);
            recovery.maybeComplete(now, effects);
        } else if (command instanceof HeartbeatCommand c) {
            reply = workers.heartbeat(c.workerId(), c.message(), now, effects);
        } else if (command instanceof DecommissionWorkerCommand c) {
            decommissions.decommission(c.workerId(), "decommissioned by " + c.requestedBy()
                    + (c.reason() == null || c.reason().isBlank() ? "" : ": " + c.reason()), true, now, effects);
        } else if (command instanceof WorkerDecommissioningCommand c) {
            decommissions.decommissioning(c.workerId(), c.message(), now, effects);
        } else if (command instanceof WorkerLeavingCommand c) {
            workers.leave(c.workerId(), c.message(), now, effects);
            recovery.maybeComplete(now, effects);
        } else if (command instanceof CheckWorkersCommand) {
            workers.checkWorkers(now, effects);
            recovery.maybeComplete(now, effects);
        } else if (command instanceof ScheduleCommand) {
            decommissions.finishDrains(now);
            scheduling.schedule(now, effects);
        } else if (command instanceof TakeOverCommand c) {
            recovery.takeOver(c.recovered(), now, effects);
        } else if (command instanceof StepDownCommand c) {
            recovery.stepDown(c.reason(), effects);
        } else if (command instanceof LeaderObservedCommand c) {
            recovery.leaderObserved(c.leaderUrl());
        } else {
            throw new IllegalArgumentException("unknown command " + command);
        }
        return (R) reply;
    }

    /** What changed since the last call, for the store to write. */
    public MasterState.Changes drainChanges() {
        return state.drainChanges();
    }

    public ClusterSnapshot snapshot() {
        return state.snapshot();
    }
}
