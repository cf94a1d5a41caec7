package io.drover.master.state.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.internal.HeartbeatReply;
import io.drover.protocol.internal.StateReports;
import io.drover.protocol.internal.WorkerDecommissioning;
import io.drover.protocol.internal.WorkerLeaving;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import io.drover.protocol.state.WorkerState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decommissioning a worker (issue 14): it drains, its work moves, it ends DECOMMISSIONED and stays so. */
class DecommissionTest {

    private final EngineHarness h = new EngineHarness(Duration.ofSeconds(60), 3);

    private WorkerEntry worker(String id) {
        return h.snapshot().worker(id).orElseThrow();
    }

    private DriverEntry driver(String id) {
        return h.snapshot().driver(id).orElseThrow();
    }

    private void report(String workerId, String driverId, DriverState state, Integer exitCode) {
        h.apply(new Command.StatesChangedCommand(workerId,
                StateReports.ofDrivers(List.of(new DriverStateChanged(driverId, state, exitCode, null, 0)))));
    }

    /** A driver submitted while {@code worker} is the only one with room, and running there. */
    private String runningOn(String worker, int cores, boolean supervise) {
        String driverId = h.submit(cores, 512, supervise);
        report(worker, driverId, DriverState.RUNNING, null);
        return driverId;
    }

    private void decommission(String workerId) {
        h.apply(new Command.DecommissionWorkerCommand(workerId, "maintenance", "admin"));
    }

    private String registerApp(int maxCores) {
        return h.apply(new Command.RegisterApplicationCommand(new RegisterApplicationRequest("app",
                CommandSpec.executable("/bin/sleep", List.of("600")), null, 1, 256L, maxCores, null, null, null),
                "alice"));
    }

    @Test
    void itsExecutorsEndDecommissionedAreReplacedElsewhereAndTheWorkerIsToldAndEndsDecommissioned() {
        String first = h.registerWorker(8081, 4, 4096);
        String appId = registerApp(2);
        String second = h.registerWorker(8082, 4, 4096);
        h.effects.clear();

        decommission(first);

        ApplicationEntry app = h.snapshot().application(appId).orElseThrow();
        assertThat(app.executors().values()).filteredOn(e -> e.workerId().equals(first))
                .extracting(ExecutorEntry::state).containsOnly(ExecutorState.DECOMMISSIONED);
        assertThat(app.executors().values()).filteredOn(ExecutorEntry::isLive).extracting(ExecutorEntry::workerId)
                .containsOnly(second).hasSize(2);
        assertThat(app.consecutiveFailures()).isZero();
        assertThat(h.effectsOf(Effect.SendKillExecutor.class)).extracting(Effect.SendKillExecutor::workerId)
                .containsOnly(first).hasSize(2);
        assertThat(h.effectsOf(Effect.SendDecommissionWorker.class)).singleElement()
                .satisfies(e -> assertThat(e.message().reason()).isEqualTo("decommissioned by admin: maintenance"));
        assertThat(worker(first).state()).isEqualTo(WorkerState.DECOMMISSIONED);
    }

    @Test
    void aSupervisedDriverRunsOnUntilItEndsAndIsThenRelaunchedElsewhere() {
        String first = h.registerWorker(8081, 2, 4096);
        String driverId = runningOn(first, 2, true);
        String second = h.registerWorker(8082, 2, 4096);

        decommission(first);

        assertThat(worker(first).state()).isEqualTo(WorkerState.ALIVE);
        assertThat(worker(first).isDraining()).isTrue();
        assertThat(driver(driverId).state()).isEqualTo(DriverState.RUNNING);

        report(first, driverId, DriverState.FAILED, 143);

        assertThat(driver(driverId).state()).isEqualTo(DriverState.RELAUNCHING);
        assertThat(driver(driverId).workerId()).isEqualTo(second);
        assertThat(worker(first).state()).isEqualTo(WorkerState.DECOMMISSIONED);
    }

    @Test
    void aDriverThatFinishesOnADrainingWorkerEndsFinished() {
        String first = h.registerWorker(8081, 2, 4096);
        String driverId = runningOn(first, 2, true);
        decommission(first);

        report(first, driverId, DriverState.FINISHED, 0);

        assertThat(driver(driverId).state()).isEqualTo(DriverState.FINISHED);
        assertThat(worker(first).state()).isEqualTo(WorkerState.DECOMMISSIONED);
    }

    @Test
    void aDecommissionedWorkerThatLeavesEndsDecommissionedNotDeadAndItsSupervisedDriverMoves() {
        String first = h.registerWorker(8081, 2, 4096);
        String driverId = runningOn(first, 2, true);
        String second = h.registerWorker(8082, 2, 4096);
        decommission(first);

        h.apply(new Command.WorkerLeavingCommand(first, new WorkerLeaving(EngineHarness.EPOCH, "decommissioned")));

        assertThat(worker(first).state()).isEqualTo(WorkerState.DECOMMISSIONED);
        assertThat(driver(driverId).workerId()).isEqualTo(second);
    }

    @Test
    void aDecommissionedWorkerDoesNotComeBackAliveByRegisteringOrHeartbeating() {
        String first = h.registerWorker(8081, 2, 4096);
        decommission(first);

        assertThatThrownBy(() -> h.registerWorker("127.0.0.1", 8081, 2, 4096, List.of()))
                .isInstanceOfSatisfying(CommandRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo(CommandRejected.Reason.CONFLICT);
                    assertThat(e.getMessage()).contains("was decommissioned (decommissioned by admin: maintenance)");
                });
        assertThat(h.heartbeat(first, List.of())).isEqualTo(HeartbeatReply.DECOMMISSIONED);
        assertThat(worker(first).state()).isEqualTo(WorkerState.DECOMMISSIONED);
    }

    @Test
    void aDrainingWorkersHeartbeatsSayItIsBeingDecommissioned() {
        String first = h.registerWorker(8081, 2, 4096);
        String driverId = runningOn(first, 1, false);
        decommission(first);

        HeartbeatReply reply = h.heartbeat(first, List.of(driverId));

        assertThat(reply.decommissioned()).isTrue();
        assertThat(reply.reconnect()).isFalse();
    }

    @Test
    void aWorkersOwnNoticeDecommissionsItAndANoticeFromAnotherEpochDoesNot() {
        String first = h.registerWorker(8081, 2, 4096);
        String other = h.registerWorker(8082, 2, 4096);

        h.apply(new Command.WorkerDecommissioningCommand(first, new WorkerDecommissioning(EngineHarness.EPOCH,
                "SIGPWR")));
        h.apply(new Command.WorkerDecommissioningCommand(other, new WorkerDecommissioning(EngineHarness.EPOCH + 1,
                "SIGPWR")));

        assertThat(worker(first).state()).isEqualTo(WorkerState.DECOMMISSIONED);
        assertThat(worker(first).drain().reason()).isEqualTo("decommissioned by the worker: SIGPWR");
        assertThat(worker(other).state()).isEqualTo(WorkerState.ALIVE);
        assertThat(h.effectsOf(Effect.SendDecommissionWorker.class)).isEmpty();
    }

    @Test
    void aDrainingWorkerGetsNoNewWorkAndWhatWaitsSaysWhy() {
        String first = h.registerWorker(8081, 2, 4096);
        String running = runningOn(first, 1, false);
        decommission(first);

        String waiting = h.submit(1, 512, false);

        assertThat(driver(waiting).workerId()).isNull();
        assertThat(h.snapshot().waiting().driver(waiting))
                .isEqualTo("no alive worker takes new work: 1 worker draining");
    }

    @Test
    void askingAgainWhileItDrainsChangesNothingAndADecommissionedOrUnknownWorkerIsRefused() {
        String first = h.registerWorker(8081, 2, 4096);
        String driverId = runningOn(first, 1, false);
        decommission(first);
        int effects = h.effects.size();

        decommission(first);

        assertThat(h.effects).hasSize(effects);
        report(first, driverId, DriverState.FINISHED, 0);
        assertThatThrownBy(() -> decommission(first)).isInstanceOfSatisfying(CommandRejected.class,
                e -> assertThat(e.reason()).isEqualTo(CommandRejected.Reason.CONFLICT));
        assertThatThrownBy(() -> decommission("worker-20261122080000-nowhere-1"))
                .isInstanceOfSatisfying(CommandRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(CommandRejected.Reason.NOT_FOUND));
    }

    @Test
    void aNewWorkerProcessOnTheSameAddressIsWelcome() {
        String first = h.registerWorker(8081, 2, 4096);
        decommission(first);
        h.clock.advance(Duration.ofSeconds(5));

        String restarted = h.registerWorker(8081, 2, 4096);

        assertThat(restarted).isNotEqualTo(first);
        assertThat(worker(restarted).state()).isEqualTo(WorkerState.ALIVE);
        assertThat(h.snapshot().worker(first)).isEmpty();
    }

    @Test
    void aMasterThatTakesOverKeepsDrainingWhatWasDraining() {
        String first = h.registerWorker(8081, 2, 4096);
        String driverId = runningOn(first, 1, false);
        decommission(first);

        EngineHarness after = EngineHarness.takingOver(h, EngineHarness.EPOCH + 1);

        assertThat(after.snapshot().worker(first).orElseThrow().drain()).isNotNull();
    }

}
