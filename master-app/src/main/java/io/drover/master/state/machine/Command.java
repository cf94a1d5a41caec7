package io.drover.master.state.machine;

import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.internal.StateReports;
import io.drover.protocol.internal.Heartbeat;
import io.drover.protocol.internal.HeartbeatReply;
import io.drover.protocol.internal.RegisterWorker;
import io.drover.protocol.internal.RegisterWorkerReply;
import io.drover.protocol.internal.WorkerDecommissioning;
import io.drover.protocol.internal.WorkerLeaving;

/**
 * Everything that can change the master's state, as data. The state store applies commands one at a time
 * on its inbox thread; {@code R} is what the sender gets back.
 */
public sealed interface Command<R> {

    record RegisterWorkerCommand(RegisterWorker message) implements Command<RegisterWorkerReply> {
    }

    record HeartbeatCommand(String workerId, Heartbeat message) implements Command<HeartbeatReply> {
    }

    /** A worker's batch of driver and executor state changes, each list applied in order. */
    record StatesChangedCommand(String workerId, StateReports reports) implements Command<Void> {
    }

    /** @param submittedBy the name of the token behind the call, for the audit record */
    record SubmitDriverCommand(SubmitDriverRequest request, String submittedBy) implements Command<String> {
    }

    record KillDriverCommand(String driverId, String killedBy) implements Command<Void> {
    }

    /** A launch call to a worker failed or timed out; the driver goes back to the queue or ends in ERROR. */
    record LaunchFailedCommand(String driverId, String workerId, String reason) implements Command<Void> {
    }

    record RegisterApplicationCommand(RegisterApplicationRequest request, String submittedBy)
            implements Command<String> {
    }

    /** The driver unregisters its application: it ends FINISHED. */
    record FinishApplicationCommand(String appId) implements Command<Void> {
    }

    /** A user kills an application: it ends KILLED. */
    record KillApplicationCommand(String appId, String killedBy) implements Command<Void> {
    }

    record SetExecutorLimitCommand(String appId, int limit) implements Command<Void> {
    }

    record KillExecutorCommand(String appId, int executorId) implements Command<Void> {
    }

    /** A launch call for an executor failed or timed out: the executor ends FAILED and is replaced. */
    record LaunchExecutorFailedCommand(String appId, int executorId, String workerId, String reason)
            implements Command<Void> {
    }

    /**
     * A worker refused a launch it had no room for (issue 13): not a failure; the driver or executor is placed
     * again. {@code executorId} is null for a driver, {@code appId} null for a driver.
     */
    record LaunchRefusedCommand(String workerId, String driverId, String appId, Integer executorId, String reason)
            implements Command<Void> {
    }

    /** Runs one placement round. */
    record ScheduleCommand() implements Command<Void> {
    }

    /**
     * Declares silent workers DEAD and forgets dead workers past their retention; while recovering, completes
     * the recovery once {@code recovery-timeout} has passed.
     */
    record CheckWorkersCommand() implements Command<Void> {
    }

    /**
     * An admin decommissions a worker: it takes no new work, its executors stop and are replaced, its supervised
     * drivers move once they end, and it ends DECOMMISSIONED.
     *
     * @param requestedBy the name of the token behind the call, said in the reason
     */
    record DecommissionWorkerCommand(String workerId, String reason, String requestedBy) implements Command<Void> {
    }

    /** A worker decommissions itself (SIGPWR, or decommission-on-term): as an admin's decommission. */
    record WorkerDecommissioningCommand(String workerId, WorkerDecommissioning message) implements Command<Void> {
    }

    /** A worker is stopping, its children ended: its work is replaced now. */
    record WorkerLeavingCommand(String workerId, WorkerLeaving message) implements Command<Void> {
    }

    /**
     * This master now leads the cluster: what it read from the store, under the new epoch it took. It recovers
     * (DESIGN.md §2, flow 7) and then acts.
     */
    record TakeOverCommand(RecoveredState recovered) implements Command<Void> {
    }

    /**
     * This master stops leading (it lost its election or its store): it forgets its state, which the next
     * leader reads from the store, and acts no more.
     */
    record StepDownCommand(String reason) implements Command<Void> {
    }

    /** Who leads now, as a standby sees it (null: nobody); said to callers that came to the wrong master. */
    record LeaderObservedCommand(String leaderUrl) implements Command<Void> {
    }
}
