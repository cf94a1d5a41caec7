package io.drover.master.state.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.master.state.model.DriverEntry;
import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.internal.StateReports;
import io.drover.protocol.state.DriverState;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriverLifecycleTest {

    private final EngineHarness h = new EngineHarness();

    private DriverEntry driver(String id) {
        return h.snapshot().driver(id).orElseThrow();
    }

    private void report(String workerId, String driverId, DriverState state, Integer exitCode, int restarts) {
        h.apply(new Command.StatesChangedCommand(workerId,
                StateReports.ofDrivers(List.of(new DriverStateChanged(driverId, state, exitCode, null, restarts)))));
    }

    @Test
    void aSubmittedDriverIsPlacedAndLaunchedOnAWorkerWithRoom() {
        String worker = h.registerWorker(8081, 4, 4096);

        String driverId = h.submit(1, 512, false);

        assertThat(driver(driverId).workerId()).isEqualTo(worker);
        assertThat(h.effectsOf(Effect.SendLaunchDriver.class)).singleElement().satisfies(launch -> {
            assertThat(launch.workerUrl()).isEqualTo("http://127.0.0.1:8081");
            assertThat(launch.message().driverId()).isEqualTo(driverId);
            assertThat(launch.message().epoch()).isEqualTo(EngineHarness.EPOCH);
        });
        assertThat(h.snapshot().worker(worker).orElseThrow().used().cores()).isEqualTo(1);
    }

    @Test
    void aSubmissionIsMarkedForTheStoreWithTheCommandThatMadeIt() {
        h.machine.drainChanges();
        String driverId = h.submit(1, 512, false);

        MasterState.Changes changes = h.machine.drainChanges();
        assertThat(changes.drivers()).contains(driverId);
        assertThat(changes.counters()).isEqualTo(new IdCounters(1, 0));
    }

    @Test
    void aDriverThatFitsNoWorkerWaitsUntilOneWithRoomRegisters() {
        h.registerWorker(8081, 2, 4096);
        h.submit(2, 512, false);
        String waiting = h.submit(2, 512, false);
        assertThat(driver(waiting).isWaiting()).isTrue();

        String second = h.registerWorker(8082, 2, 4096);

        assertThat(driver(waiting).workerId()).isEqualTo(second);
    }

    @Test
    void aReportedRunningDriverRecordsItsStartAndRestarts() {
        String worker = h.registerWorker(8081, 4, 4096);
        String driverId = h.submit(1, 512, true);

        report(worker, driverId, DriverState.RUNNING, null, 2);

        assertThat(driver(driverId).state()).isEqualTo(DriverState.RUNNING);
        assertThat(driver(driverId).startedAt()).isNotNull();
        assertThat(driver(driverId).restarts()).isEqualTo(2);
    }

    @Test
    void anEndedDriverFreesItsResourcesAndKeepsItsExitCode() {
        String worker = h.registerWorker(8081, 4, 4096);
        String driverId = h.submit(3, 512, false);
        report(worker, driverId, DriverState.RUNNING, null, 0);

        report(worker, driverId, DriverState.FAILED, 3, 0);

        assertThat(driver(driverId).state()).isEqualTo(DriverState.FAILED);
        assertThat(driver(driverId).exitCode()).isEqualTo(3);
        assertThat(h.snapshot().worker(worker).orElseThrow().used().cores()).isZero();
        assertThat(h.snapshot().completedDrivers()).containsKey(driverId);
    }

    @Test
    void reportsFromAWorkerTheDriverIsNotOnAreIgnored() {
        String worker = h.registerWorker(8081, 4, 4096);
        String other = h.registerWorker(8082, 0 + 1, 16);
        String driverId = h.submit(2, 512, false);
        assertThat(driver(driverId).workerId()).isEqualTo(worker);

        report(other, driverId, DriverState.FINISHED, 0, 0);

        assertThat(driver(driverId).state()).isEqualTo(DriverState.SUBMITTED);
    }

    @Test
    void killingAWaitingDriverEndsItAtOnce() {
        String driverId = h.submit(1, 512, false);

        h.apply(new Command.KillDriverCommand(driverId, "bob"));

        assertThat(driver(driverId).state()).isEqualTo(DriverState.KILLED);
        assertThat(h.effectsOf(Effect.SendKillDriver.class)).isEmpty();
    }

    @Test
    void aDriverRecordsWhoSubmittedItAndWhoKilledIt() {
        String driverId = h.submit(1, 512, false);

        h.apply(new Command.KillDriverCommand(driverId, "bob"));

        assertThat(driver(driverId).audit()).isEqualTo(new io.drover.master.state.model.Audit("alice", "bob"));
        assertThat(driver(driverId).message()).contains("bob");
    }

    @Test
    void killingAPlacedDriverAsksItsWorker() {
        String worker = h.registerWorker(8081, 4, 4096);
        String driverId = h.submit(1, 512, false);
        report(worker, driverId, DriverState.RUNNING, null, 0);

        h.apply(new Command.KillDriverCommand(driverId, "bob"));

        assertThat(h.effectsOf(Effect.SendKillDriver.class)).singleElement()
                .satisfies(kill -> assertThat(kill.driverId()).isEqualTo(driverId));
        assertThat(driver(driverId).state()).isEqualTo(DriverState.RUNNING);
        assertThat(driver(driverId).killRequested()).isTrue();
    }

    @Test
    void killingAnEndedDriverIsAConflict() {
        String worker = h.registerWorker(8081, 4, 4096);
        String driverId = h.submit(1, 512, false);
        report(worker, driverId, DriverState.FINISHED, 0, 0);

        assertThatThrownBy(() -> h.apply(new Command.KillDriverCommand(driverId, "bob")))
                .isInstanceOfSatisfying(CommandRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(CommandRejected.Reason.CONFLICT));
    }

    @Test
    void killingAnUnknownDriverIsNotFound() {
        assertThatThrownBy(() -> h.apply(new Command.KillDriverCommand("driver-20261122080000-9999", "bob")))
                .isInstanceOfSatisfying(CommandRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(CommandRejected.Reason.NOT_FOUND));
    }

    @Test
    void aDriverLargerThanEveryWorkerIsRefusedAndNothingChanges() {
        h.registerWorker(8081, 4, 4096);

        assertThatThrownBy(() -> h.submit(8, 512, false))
                .isInstanceOfSatisfying(CommandRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo(CommandRejected.Reason.INVALID);
                    assertThat(e.getMessage()).contains("cores").contains("largest: 4");
                });
        assertThat(h.snapshot().drivers()).isEmpty();
    }

    @Test
    void withNoWorkerAnySizeIsAcceptedAndWaits() {
        String driverId = h.submit(64, 1 << 20, false);

        assertThat(driver(driverId).isWaiting()).isTrue();
    }

    @Test
    void aFailedLaunchPutsTheDriverBackInTheQueue() {
        String worker = h.registerWorker(8081, 4, 4096);
        String driverId = h.submit(1, 512, false);

        h.machine.apply(new Command.LaunchFailedCommand(driverId, worker, "connection refused"), h.effects);

        assertThat(driver(driverId).isWaiting()).isTrue();
        assertThat(driver(driverId).launchAttempts()).isEqualTo(1);
        assertThat(h.snapshot().worker(worker).orElseThrow().used().cores()).isZero();
    }

    @Test
    void aDriverWhoseLaunchKeepsFailingEndsInError() {
        String worker = h.registerWorker(8081, 4, 4096);
        String driverId = h.submit(1, 512, false);

        for (int attempt = 0; attempt < 3; attempt++) {
            h.apply(new Command.LaunchFailedCommand(driverId, worker, "connection refused"));
        }

        assertThat(driver(driverId).state()).isEqualTo(DriverState.ERROR);
        assertThat(driver(driverId).message()).contains("3 attempts").contains("connection refused");
    }

    @Test
    void completedDriversAreRetainedBoundedOldestDroppedFirst() {
        String worker = h.registerWorker(8081, 4, 4096);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 205; i++) {
            String driverId = h.submit(1, 16, false);
            report(worker, driverId, DriverState.FINISHED, 0, 0);
            ids.add(driverId);
        }

        assertThat(h.snapshot().completedDrivers()).hasSize(200).doesNotContainKey(ids.get(0))
                .containsKey(ids.get(204));
    }
}
