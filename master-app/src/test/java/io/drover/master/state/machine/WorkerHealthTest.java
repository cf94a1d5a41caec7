package io.drover.master.state.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.internal.ExecutorStateChanged;
import io.drover.protocol.internal.Heartbeat;
import io.drover.protocol.internal.StateReports;
import io.drover.protocol.internal.WorkerHealth;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Broken workers do not eat work (issue 14): a launch refused for the worker's own reasons, and health reports. */
class WorkerHealthTest {

    private static final String READ_ONLY = "work directory /srv/work is read-only";

    private final EngineHarness h = new EngineHarness(Duration.ofSeconds(60), 3, 3, true);

    private WorkerEntry worker(String id) {
        return h.snapshot().worker(id).orElseThrow();
    }

    private DriverEntry driver(String id) {
        return h.snapshot().driver(id).orElseThrow();
    }

    private void refuseDriver(String workerId, String driverId) {
        h.apply(new Command.StatesChangedCommand(workerId,
                StateReports.ofDrivers(List.of(DriverStateChanged.refused(driverId, READ_ONLY)))));
    }

    private void heartbeat(String workerId, WorkerHealth health) {
        h.apply(new Command.HeartbeatCommand(workerId,
                new Heartbeat(EngineHarness.EPOCH, List.of(), List.of(), health)));
    }

    @Test
    void aDriverRefusedForTheWorkersOwnReasonsIsPlacedElsewhereWithoutCountingTheAttempt() {
        String broken = h.registerWorker(8081, 2, 4096);
        String driverId = h.submit(1, 512, false);
        String healthy = h.registerWorker(8082, 2, 4096);

        refuseDriver(broken, driverId);

        assertThat(driver(driverId).workerId()).isEqualTo(healthy);
        assertThat(driver(driverId).state()).isEqualTo(DriverState.SUBMITTED);
        assertThat(driver(driverId).launchAttempts()).isZero();
        assertThat(worker(broken).health().healthy()).isFalse();
        assertThat(worker(broken).health().reason()).isEqualTo(READ_ONLY);
    }

    @Test
    void refusalsNeverEndADriverEvenPastItsLaunchAttempts() {
        String broken = h.registerWorker(8081, 2, 4096);
        String driverId = h.submit(1, 512, false);
        for (int i = 0; i < 5; i++) {
            refuseDriver(broken, driverId);
            heartbeat(broken, WorkerHealth.HEALTHY); // it claims to be fine, gets the driver back, refuses again
        }

        assertThat(driver(driverId).state()).isEqualTo(DriverState.SUBMITTED);
        assertThat(driver(driverId).launchAttempts()).isZero();
    }

    @Test
    void anExecutorRefusedForTheWorkersOwnReasonsIsLostNotFailedAndReplacedOnAHealthyWorker() {
        String broken = h.registerWorker(8081, 4, 4096);
        String appId = h.apply(new Command.RegisterApplicationCommand(new RegisterApplicationRequest("app",
                CommandSpec.executable("/bin/sleep", List.of("9")), null, 1, 256L, 1, null, null, null), "alice"));
        String healthy = h.registerWorker(8082, 4, 4096);
        ExecutorEntry first = h.snapshot().application(appId).orElseThrow().executors().get(0);

        h.apply(new Command.StatesChangedCommand(broken, new StateReports(List.of(),
                List.of(ExecutorStateChanged.refused(appId, first.executorId(), READ_ONLY)))));

        ApplicationEntry app = h.snapshot().application(appId).orElseThrow();
        assertThat(app.executors().get(0).state()).isEqualTo(ExecutorState.LOST);
        assertThat(app.executors().get(0).message()).contains("launch refused by worker " + broken).contains(READ_ONLY);
        assertThat(app.consecutiveFailures()).isZero();
        assertThat(app.state()).isEqualTo(ApplicationState.WAITING);
        assertThat(app.executors().values()).filteredOn(ExecutorEntry::isLive).extracting(ExecutorEntry::workerId)
                .containsExactly(healthy);
    }

    @Test
    void anUnhealthyWorkerTakesNoNewWorkAndWhatWaitsSaysSo() {
        String only = h.registerWorker(8081, 2, 4096);
        heartbeat(only, WorkerHealth.unhealthy("no space left on /srv/work"));

        String driverId = h.submit(1, 512, false);

        assertThat(driver(driverId).workerId()).isNull();
        assertThat(h.snapshot().waiting().driver(driverId))
                .isEqualTo("no alive worker takes new work: 1 worker unhealthy");
        assertThat(worker(only).health().reason()).isEqualTo("no space left on /srv/work");
    }

    @Test
    void aHeartbeatThatSaysItIsHealthyAgainBringsItBackIntoPlacement() {
        String only = h.registerWorker(8081, 2, 4096);
        heartbeat(only, WorkerHealth.unhealthy("disk full"));
        String driverId = h.submit(1, 512, false);

        heartbeat(only, WorkerHealth.HEALTHY);

        assertThat(worker(only).health().healthy()).isTrue();
        assertThat(driver(driverId).workerId()).isEqualTo(only);
        assertThat(h.snapshot().waiting().driver(driverId)).isNull();
    }

    @Test
    void aHeartbeatThatSaysNothingOfHealthLeavesItUnhealthy() {
        String broken = h.registerWorker(8081, 2, 4096);
        String driverId = h.submit(1, 512, false);
        refuseDriver(broken, driverId);

        h.heartbeat(broken, List.of());

        assertThat(worker(broken).health().healthy()).isFalse();
        assertThat(driver(driverId).workerId()).isNull();
    }

    @Test
    void aWorkerThatRegistersUnhealthyGetsNothing() {
        String id = "worker-20261122080000-127.0.0.1-8081";
        h.apply(new Command.RegisterWorkerCommand(new io.drover.protocol.internal.RegisterWorker(id, "127.0.0.1", 8081,
                "http://127.0.0.1:8081", 2, 4096, 0, List.of(), List.of(), null, null, null, null,
                WorkerHealth.unhealthy(READ_ONLY))));

        String driverId = h.submit(1, 512, false);

        assertThat(driver(driverId).workerId()).isNull();
        assertThat(worker(id).health().reason()).isEqualTo(READ_ONLY);
    }

    @Test
    void whatAnUnhealthyWorkerAlreadyRunsIsLeftAlone() {
        String only = h.registerWorker(8081, 2, 4096);
        String driverId = h.submit(1, 512, false);
        h.apply(new Command.StatesChangedCommand(only, StateReports.ofDrivers(List.of(
                new DriverStateChanged(driverId, DriverState.RUNNING, null, null, 0)))));

        heartbeat(only, WorkerHealth.unhealthy("disk full"));

        assertThat(driver(driverId).state()).isEqualTo(DriverState.RUNNING);
        assertThat(driver(driverId).workerId()).isEqualTo(only);
    }
}
