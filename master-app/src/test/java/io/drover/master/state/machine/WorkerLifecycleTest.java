package io.drover.master.state.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.master.state.model.DriverEntry;
import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.internal.StateReports;
import io.drover.protocol.internal.Heartbeat;
import io.drover.protocol.internal.HeartbeatReply;
import io.drover.protocol.internal.ChildProcess;
import io.drover.protocol.internal.RegisterWorker;
import io.drover.protocol.internal.RegisterWorkerReply;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.WorkerState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerLifecycleTest {

    private final EngineHarness h = new EngineHarness(Duration.ofSeconds(8), 3);

    private DriverEntry driver(String id) {
        return h.snapshot().driver(id).orElseThrow();
    }

    private void running(String workerId, String driverId) {
        h.apply(new Command.StatesChangedCommand(workerId,
                StateReports.ofDrivers(List.of(new DriverStateChanged(driverId, DriverState.RUNNING, null, null, 0)))));
    }

    @Test
    void aRegisteredWorkerIsToldTheMasterUrlEpochAndHeartbeatInterval() {
        RegisterWorkerReply reply = h.registerWorker("127.0.0.1", 8081, 4, 4096, List.of());

        assertThat(reply.masterUrl()).isEqualTo(EngineHarness.MASTER_URL);
        assertThat(reply.epoch()).isEqualTo(EngineHarness.EPOCH);
        assertThat(reply.heartbeatIntervalMs()).isEqualTo(2000);
        assertThat(h.snapshot().workers()).hasSize(1);
    }

    @Test
    void anAliveWorkerIdRegisteringFromAnotherAddressIsAConflict() {
        String worker = h.registerWorker(8081, 4, 4096);

        assertThatThrownBy(() -> h.apply(new Command.RegisterWorkerCommand(new RegisterWorker(worker, "127.0.0.2",
                8081, "http://127.0.0.2:8081", 4, 4096, 0, List.of(), List.of(), null))))
                .isInstanceOfSatisfying(CommandRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(CommandRejected.Reason.CONFLICT));
    }

    @Test
    void anAliveWorkerRegisteringAgainFromItsAddressKeepsItsWork() {
        String worker = h.registerWorker(8081, 4, 4096);
        String driverId = h.submit(1, 512, false);

        RegisterWorkerReply reply = h.registerWorker("127.0.0.1", 8081, 4, 4096, List.of(driverId));

        assertThat(reply.killDriverIds()).isEmpty();
        assertThat(h.snapshot().driver(driverId).orElseThrow().workerId()).isEqualTo(worker);
        assertThat(h.snapshot().workers()).hasSize(1);
    }

    @Test
    void anUnknownWorkerIsToldToReconnect() {
        HeartbeatReply reply = h.heartbeat("worker-20261122080000-127.0.0.1-9999", List.of());

        assertThat(reply.reconnect()).isTrue();
    }

    @Test
    void aHeartbeatFromAnotherEpochIsToldToReconnect() {
        String worker = h.registerWorker(8081, 4, 4096);

        HeartbeatReply reply = h.apply(new Command.HeartbeatCommand(worker, new Heartbeat(3, List.of(), List.of())));

        assertThat(reply.reconnect()).isTrue();
    }

    @Test
    void aSilentWorkerBecomesDeadAfterTheTimeout() {
        String worker = h.registerWorker(8081, 4, 4096);
        h.clock.advance(Duration.ofSeconds(7));
        h.apply(new Command.CheckWorkersCommand());
        assertThat(h.snapshot().worker(worker).orElseThrow().state()).isEqualTo(WorkerState.ALIVE);

        h.clock.advance(Duration.ofSeconds(2));
        h.apply(new Command.CheckWorkersCommand());

        assertThat(h.snapshot().worker(worker).orElseThrow().state()).isEqualTo(WorkerState.DEAD);
    }

    @Test
    void heartbeatsKeepAWorkerAlive() {
        String worker = h.registerWorker(8081, 4, 4096);
        for (int i = 0; i < 5; i++) {
            h.clock.advance(Duration.ofSeconds(2));
            h.heartbeat(worker, List.of());
            h.apply(new Command.CheckWorkersCommand());
        }

        assertThat(h.snapshot().worker(worker).orElseThrow().isConnected()).isTrue();
    }

    @Test
    void aLostWorkersSupervisedDriverIsRelaunchedElsewhere() {
        String first = h.registerWorker(8081, 2, 4096);
        String driverId = h.submit(2, 512, true);
        running(first, driverId);
        h.clock.advance(Duration.ofSeconds(1));
        String second = h.registerWorker(8082, 2, 4096);
        h.clock.advance(Duration.ofSeconds(8));
        h.heartbeat(second, List.of());

        h.apply(new Command.CheckWorkersCommand());

        assertThat(driver(driverId).state()).isEqualTo(DriverState.RELAUNCHING);
        assertThat(driver(driverId).workerId()).isEqualTo(second);
        assertThat(driver(driverId).restarts()).isEqualTo(1);
    }

    @Test
    void aLostWorkersUnsupervisedDriverEndsInError() {
        String worker = h.registerWorker(8081, 2, 4096);
        String driverId = h.submit(1, 512, false);
        running(worker, driverId);
        h.clock.advance(Duration.ofSeconds(9));

        h.apply(new Command.CheckWorkersCommand());

        assertThat(driver(driverId).state()).isEqualTo(DriverState.ERROR);
        assertThat(driver(driverId).message()).contains("was lost");
    }

    @Test
    void aDeadWorkerThatRegistersAgainFromTheSameAddressIsReplacedAndToldToKillItsOldDrivers() {
        String worker = h.registerWorker(8081, 2, 4096);
        String driverId = h.submit(1, 512, false);
        running(worker, driverId);
        h.clock.advance(Duration.ofSeconds(9));
        h.apply(new Command.CheckWorkersCommand());

        RegisterWorkerReply reply = h.apply(new Command.RegisterWorkerCommand(new RegisterWorker(worker, "127.0.0.1",
                8081, "http://127.0.0.1:8081", 2, 4096, EngineHarness.EPOCH,
                List.of(new ChildProcess(driverId, 4242L, null, 0)), List.of(), null)));

        assertThat(h.snapshot().worker(worker).orElseThrow().isConnected()).isTrue();
        assertThat(h.snapshot().workers()).hasSize(1);
        assertThat(reply.killDriverIds()).containsExactly(driverId);
    }

    @Test
    void aRestartedWorkerAtTheSameAddressReplacesTheOldEntryAtOnce() {
        String old = h.registerWorker(8081, 2, 4096);
        String driverId = h.submit(1, 512, true);
        running(old, driverId);
        h.clock.advance(Duration.ofSeconds(2));

        String restarted = h.registerWorker(8081, 2, 4096);

        assertThat(h.snapshot().workers()).containsOnlyKeys(restarted);
        assertThat(driver(driverId).workerId()).isEqualTo(restarted);
    }

    @Test
    void deadWorkersAreForgottenAfterTheRetention() {
        String worker = h.registerWorker(8081, 2, 4096);
        h.clock.advance(Duration.ofSeconds(9));
        h.apply(new Command.CheckWorkersCommand());
        h.clock.advance(Duration.ofMinutes(16));

        h.apply(new Command.CheckWorkersCommand());

        assertThat(h.snapshot().worker(worker)).isEmpty();
    }

    @Test
    void aHeartbeatInventoryWithStrayDriversGetsThemKilled() {
        String worker = h.registerWorker(8081, 2, 4096);

        HeartbeatReply reply = h.heartbeat(worker, List.of("driver-20261122080000-0042"));

        assertThat(reply.killDriverIds()).containsExactly("driver-20261122080000-0042");
    }
}
