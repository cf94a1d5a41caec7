package io.drover.master.state.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.ids.IdGenerator;
import io.drover.protocol.internal.ChildProcess;
import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.internal.ExecutorStateChanged;
import io.drover.protocol.internal.Heartbeat;
import io.drover.protocol.internal.RegisterWorker;
import io.drover.protocol.internal.RegisterWorkerReply;
import io.drover.protocol.internal.StateReports;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import io.drover.protocol.state.MasterStatus;
import io.drover.protocol.state.WorkerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A master taking over from what another stored (DESIGN.md §2, flow 7): nothing lost, nothing killed. */
class RecoveryTest {

    private static final long NEXT_EPOCH = EngineHarness.EPOCH + 1;

    private final EngineHarness before = new EngineHarness();

    private String worker(int port) {
        return IdGenerator.workerId(before.clock, "127.0.0.1", port);
    }

    private void running(EngineHarness h, String workerId, String driverId, long pid) {
        h.apply(new Command.StatesChangedCommand(workerId, StateReports.ofDrivers(
                List.of(new DriverStateChanged(driverId, DriverState.RUNNING, null, null, 0, pid)))));
    }

    /** The worker answering the new master: what it runs, and what it could not tell the old one. */
    private static RegisterWorkerReply rejoin(EngineHarness h, String workerId, int port, List<ChildProcess> drivers,
            List<ChildProcess> executors, StateReports unreported) {
        return h.apply(new Command.RegisterWorkerCommand(new RegisterWorker(workerId, "127.0.0.1", port,
                "http://127.0.0.1:" + port, 4, 4096, EngineHarness.EPOCH, drivers, executors, unreported)));
    }

    private static ChildProcess process(String id, long pid) {
        return new ChildProcess(id, pid, Instant.parse("2026-11-22T07:59:00Z"), 0);
    }

    @Test
    void aMasterThatTakesOverWaitsForItsWorkersAndTellsEachItLeadsNow() {
        String w = before.registerWorker(8081, 4, 4096);
        String d = before.submit(1, 512, false);
        running(before, w, d, 4242);

        EngineHarness after = EngineHarness.takingOver(before, NEXT_EPOCH);

        assertThat(after.snapshot().status()).isEqualTo(MasterStatus.RECOVERING);
        assertThat(after.snapshot().worker(w).orElseThrow().state()).isEqualTo(WorkerState.UNKNOWN);
        assertThat(after.snapshot().driver(d).orElseThrow().state()).isEqualTo(DriverState.RUNNING);
        assertThat(after.effectsOf(Effect.SendMasterChanged.class)).singleElement().satisfies(changed -> {
            assertThat(changed.workerId()).isEqualTo(w);
            assertThat(changed.message().epoch()).isEqualTo(NEXT_EPOCH);
        });
    }

    @Test
    void whileRecoveringSubmissionsAreRefusedAsNotAliveAndChangeNothing() {
        before.registerWorker(8081, 4, 4096);
        EngineHarness after = EngineHarness.takingOver(before, NEXT_EPOCH);
        after.machine.drainChanges();

        assertThatThrownBy(() -> after.submit(1, 512, false)).isInstanceOfSatisfying(CommandRejected.class, e -> {
            assertThat(e.reason()).isEqualTo(CommandRejected.Reason.NOT_ALIVE);
            assertThat(e.masterStatus()).isEqualTo(MasterStatus.RECOVERING);
        });
        assertThat(after.snapshot().drivers()).isEmpty();
        assertThat(after.machine.drainChanges().isEmpty()).isTrue();
    }

    @Test
    void whatAWorkerReportsRunningIsAdoptedAsItRunsNeverKilledOrStartedAgain() {
        String w = before.registerWorker(8081, 4, 4096);
        String d = before.submit(1, 512, false);
        running(before, w, d, 4242);
        EngineHarness after = EngineHarness.takingOver(before, NEXT_EPOCH);

        RegisterWorkerReply reply = rejoin(after, w, 8081, List.of(process(d, 4242)), List.of(), null);

        assertThat(reply.killDriverIds()).isEmpty();
        assertThat(reply.epoch()).isEqualTo(NEXT_EPOCH);
        DriverEntry driver = after.snapshot().driver(d).orElseThrow();
        assertThat(driver.state()).isEqualTo(DriverState.RUNNING);
        assertThat(driver.pid()).isEqualTo(4242);
        assertThat(driver.workerId()).isEqualTo(w);
        assertThat(after.snapshot().status()).isEqualTo(MasterStatus.ALIVE);
        assertThat(after.effectsOf(Effect.SendLaunchDriver.class)).isEmpty();
        assertThat(after.effectsOf(Effect.SendKillDriver.class)).isEmpty();
    }

    @Test
    void aDriverThatEndedWhileNoMasterListenedEndsAsItsWorkerSaw() {
        String w = before.registerWorker(8081, 4, 4096);
        String d = before.submit(1, 512, true);
        running(before, w, d, 4242);
        EngineHarness after = EngineHarness.takingOver(before, NEXT_EPOCH);

        rejoin(after, w, 8081, List.of(), List.of(), StateReports.ofDrivers(
                List.of(new DriverStateChanged(d, DriverState.FINISHED, 0, null, 0))));

        DriverEntry driver = after.snapshot().driver(d).orElseThrow();
        assertThat(driver.state()).isEqualTo(DriverState.FINISHED);
        assertThat(driver.exitCode()).isZero();
        assertThat(after.effectsOf(Effect.SendLaunchDriver.class)).isEmpty();
    }

    @Test
    void aQueuedDriverStaysQueuedThroughRecoveryAndIsPlacedAfter() {
        String w = before.registerWorker(8081, 1, 4096);
        String first = before.submit(1, 512, false);
        running(before, w, first, 4242);
        String queued = before.submit(1, 512, false);
        EngineHarness after = EngineHarness.takingOver(before, NEXT_EPOCH);

        rejoin(after, w, 8081, List.of(process(first, 4242)), List.of(), StateReports.ofDrivers(
                List.of(new DriverStateChanged(first, DriverState.FINISHED, 0, null, 0))));

        assertThat(after.snapshot().driver(queued).orElseThrow().workerId()).isEqualTo(w);
        assertThat(after.effectsOf(Effect.SendLaunchDriver.class)).extracting(l -> l.message().driverId())
                .containsExactly(queued);
    }

    @Test
    void aWorkerThatDoesNotAnswerWithinTheRecoveryTimeoutIsDeadAndItsWorkHandledAsLost() {
        String a = before.registerWorker(8081, 4, 4096);
        String b = before.registerWorker(8082, 4, 4096);
        String supervised = before.submit(4, 512, true);
        String unsupervised = before.submit(4, 512, false);
        DriverEntry s = before.snapshot().driver(supervised).orElseThrow();
        DriverEntry u = before.snapshot().driver(unsupervised).orElseThrow();
        running(before, s.workerId(), supervised, 1);
        running(before, u.workerId(), unsupervised, 2);
        EngineHarness after = EngineHarness.takingOver(before, NEXT_EPOCH);
        String answering = s.workerId();
        rejoin(after, answering, answering.equals(a) ? 8081 : 8082, List.of(process(supervised, 1)), List.of(), null);
        assertThat(after.snapshot().status()).isEqualTo(MasterStatus.RECOVERING);

        after.clock.advance(Duration.ofSeconds(61));
        after.apply(new Command.HeartbeatCommand(answering, new Heartbeat(NEXT_EPOCH, List.of(supervised), List.of())));
        after.apply(new Command.CheckWorkersCommand());

        assertThat(after.snapshot().status()).isEqualTo(MasterStatus.ALIVE);
        assertThat(after.snapshot().worker(u.workerId()).orElseThrow().state()).isEqualTo(WorkerState.DEAD);
        assertThat(after.snapshot().driver(supervised).orElseThrow().state()).isEqualTo(DriverState.RUNNING);
        DriverEntry lost = after.snapshot().driver(unsupervised).orElseThrow();
        assertThat(lost.state()).isEqualTo(DriverState.ERROR);
        assertThat(lost.message()).contains("did not answer").contains("took over");
        assertThat(List.of(a, b)).contains(answering);
    }

    @Test
    void aDriverPlacedButNeverReportedRunningGoesBackToTheQueueRatherThanFailing() {
        String w = before.registerWorker(8081, 4, 4096);
        String d = before.submit(1, 512, false); // placed, launch sent, no RUNNING report yet
        EngineHarness after = EngineHarness.takingOver(before, NEXT_EPOCH);

        rejoin(after, w, 8081, List.of(), List.of(), null);

        DriverEntry driver = after.snapshot().driver(d).orElseThrow();
        assertThat(driver.state()).isEqualTo(DriverState.SUBMITTED);
        assertThat(after.effectsOf(Effect.SendLaunchDriver.class)).extracting(l -> l.message().driverId())
                .containsExactly(d);
    }

    @Test
    void aRunningUnsupervisedDriverThatItsWorkerNoLongerReportsEndsInError() {
        String w = before.registerWorker(8081, 4, 4096);
        String d = before.submit(1, 512, false);
        running(before, w, d, 4242);
        EngineHarness after = EngineHarness.takingOver(before, NEXT_EPOCH);

        rejoin(after, w, 8081, List.of(), List.of(), null);

        assertThat(after.snapshot().driver(d).orElseThrow().state()).isEqualTo(DriverState.ERROR);
    }

    @Test
    void executorsReportedRunningAreAdoptedAndAMissingOneIsLostAndReplaced() {
        String w = before.registerWorker(8081, 4, 4096);
        String appId = before.apply(new Command.RegisterApplicationCommand(new RegisterApplicationRequest("app",
                CommandSpec.executable("/bin/sleep", List.of("60")), null, 1, 256L, 2, null, null, null), "alice"));
        before.apply(new Command.StatesChangedCommand(w, new StateReports(List.of(), List.of(
                new ExecutorStateChanged(appId, 0, ExecutorState.RUNNING, null, null, 100L),
                new ExecutorStateChanged(appId, 1, ExecutorState.RUNNING, null, null, 101L)))));
        EngineHarness after = EngineHarness.takingOver(before, NEXT_EPOCH);

        rejoin(after, w, 8081, List.of(), List.of(process(appId + "/0", 100)), null);

        var executors = after.snapshot().application(appId).orElseThrow().executors();
        assertThat(executors.get(0).state()).isEqualTo(ExecutorState.RUNNING);
        assertThat(executors.get(0).pid()).isEqualTo(100);
        assertThat(executors.get(1).state()).isEqualTo(ExecutorState.LOST);
        assertThat(executors.values()).filteredOn(ExecutorEntry::isLive).hasSize(2);
        assertThat(after.snapshot().application(appId).orElseThrow().state()).isEqualTo(ApplicationState.RUNNING);
        assertThat(after.effectsOf(Effect.SendKillExecutor.class)).isEmpty();
    }

    @Test
    void everyApplicationHearsThatTheMasterChanged() {
        before.registerWorker(8081, 4, 4096);
        String appId = before.apply(new Command.RegisterApplicationCommand(new RegisterApplicationRequest("app",
                CommandSpec.executable("/bin/true", List.of()), null, 1, 256L, 1, null, null, null), "alice"));

        EngineHarness after = EngineHarness.takingOver(before, NEXT_EPOCH);

        assertThat(after.effectsOf(Effect.PublishEvent.class)).anySatisfy(e -> {
            assertThat(e.event().appId()).isEqualTo(appId);
            assertThat(e.event().type().eventName()).isEqualTo("master-changed");
        });
    }

    @Test
    void idsGoOnFromWhereTheStoreLeftThem() {
        before.registerWorker(8081, 4, 4096);
        String first = before.submit(1, 512, false);
        EngineHarness after = EngineHarness.takingOver(before, NEXT_EPOCH);
        after.apply(new Command.CheckWorkersCommand());
        after.clock.advance(Duration.ofSeconds(61));
        after.apply(new Command.CheckWorkersCommand());

        String next = after.submit(1, 512, false);

        assertThat(next).isNotEqualTo(first).endsWith("-0001");
    }

    @Test
    void aWorkerThatFollowedAHigherEpochMakesTheMasterTakeAHigherOne() {
        String w = worker(8081);

        RegisterWorkerReply reply = before.apply(new Command.RegisterWorkerCommand(new RegisterWorker(w, "127.0.0.1",
                8081, "http://127.0.0.1:8081", 4, 4096, 41, List.of(), List.of(), null)));

        assertThat(reply.epoch()).isEqualTo(42);
        assertThat(before.machine.drainChanges().epoch()).isEqualTo(42);
    }

    @Test
    void aMasterThatStepsDownForgetsItsStateAndTakesNoCommands() {
        before.registerWorker(8081, 4, 4096);
        before.submit(1, 512, false);

        before.apply(new Command.StepDownCommand("lost the election"));

        assertThat(before.snapshot().status()).isEqualTo(MasterStatus.STANDBY);
        assertThat(before.snapshot().workers()).isEmpty();
        assertThat(before.snapshot().drivers()).isEmpty();
        assertThat(before.effectsOf(Effect.EndEventStreams.class)).hasSize(1);
        assertThatThrownBy(() -> before.submit(1, 512, false)).isInstanceOf(CommandRejected.class);
    }

    @Test
    void theLifecycleTableNamesEveryCommand() {
        assertThat(MasterLifecycle.named()).containsExactlyInAnyOrder(Command.class.getPermittedSubclasses());
    }
}
