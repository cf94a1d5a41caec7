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
import io.drover.protocol.state.MasterStatus;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The master's lifecycle as data (DESIGN.md §1, flow 7): which commands each state accepts. The only place a
 * command is checked against the master's state; handlers never ask.
 *
 * <pre>
 *   STANDBY ──take over──▶ RECOVERING ──every worker answered, or recovery-timeout──▶ COMPLETING_RECOVERY ──▶ ALIVE
 *      ▲                       │                                                                       │
 *      └──────────────── step down (lost the election, or the store failed) ◀────────────────────────┘
 * </pre>
 *
 * While RECOVERING the master takes only what brings its workers back (their registrations, heartbeats and
 * reports) and its own timer; users get 503 and come back. COMPLETING_RECOVERY lasts one command.
 */
final class MasterLifecycle {

    private static final Set<Class<?>> LEADING_ALWAYS = Set.of(StepDownCommand.class, LeaderObservedCommand.class);

    private static final Map<MasterStatus, Set<Class<?>>> ACCEPTS = new EnumMap<>(Map.of(
            MasterStatus.STANDBY, Set.of(TakeOverCommand.class, LeaderObservedCommand.class, StepDownCommand.class),
            MasterStatus.RECOVERING, union(LEADING_ALWAYS, Set.of(RegisterWorkerCommand.class,
                    HeartbeatCommand.class, StatesChangedCommand.class, WorkerLeavingCommand.class,
                    WorkerDecommissioningCommand.class, CheckWorkersCommand.class)),
            MasterStatus.COMPLETING_RECOVERY, LEADING_ALWAYS,
            MasterStatus.ALIVE, union(LEADING_ALWAYS, Set.of(RegisterWorkerCommand.class, HeartbeatCommand.class,
                    StatesChangedCommand.class, WorkerLeavingCommand.class, WorkerDecommissioningCommand.class,
                    DecommissionWorkerCommand.class, CheckWorkersCommand.class,
                    SubmitDriverCommand.class, KillDriverCommand.class, LaunchFailedCommand.class,
                    RegisterApplicationCommand.class, FinishApplicationCommand.class, KillApplicationCommand.class,
                    SetExecutorLimitCommand.class, KillExecutorCommand.class, LaunchExecutorFailedCommand.class,
                    LaunchRefusedCommand.class, ScheduleCommand.class))));

    private MasterLifecycle() {
    }

    static boolean accepts(MasterStatus status, Command<?> command) {
        return ACCEPTS.get(status).contains(command.getClass());
    }

    /** @throws CommandRejected NOT_ALIVE, naming the state and, when known, the leader */
    static void check(MasterState state, Command<?> command) {
        if (accepts(state.status(), command)) {
            return;
        }
        String leader = state.leaderUrl().orElse(null);
        String detail = switch (state.status()) {
            case STANDBY -> "this master is a standby" + (leader != null && !leader.equals(state.url())
                    ? "; the leader is " + leader : " and no leader is known yet");
            case RECOVERING, COMPLETING_RECOVERY -> "the master is recovering its state after taking over; "
                    + "try again in a moment";
            case ALIVE -> "the master cannot take this command now";
        };
        throw CommandRejected.notAlive(detail, state.status(), leader);
    }

    /** Every command kind the lifecycle names, for the test that checks each is accepted somewhere. */
    static Set<Class<?>> named() {
        return ACCEPTS.values().stream().flatMap(Set::stream).collect(java.util.stream.Collectors.toSet());
    }

    private static Set<Class<?>> union(Set<Class<?>> a, Set<Class<?>> b) {
        java.util.Set<Class<?>> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
