package io.drover.master.state.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.master.persistence.MemoryPersistenceEngine;
import io.drover.master.persistence.UnreadableStateException;
import io.drover.master.persistence.WriteBatch;
import io.drover.master.state.machine.ClusterStateMachine;
import io.drover.master.state.machine.Command;
import io.drover.master.state.machine.MachineSettings;
import io.drover.master.state.machine.MasterState;
import io.drover.master.state.machine.RecoveredState;
import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.Queueing;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.ids.IdGenerator;
import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.internal.ExecutorStateChanged;
import io.drover.protocol.internal.RegisterWorker;
import io.drover.protocol.internal.StateReports;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The stored records: what one master wrote, the next reads back as the same entries. */
class StateStorageTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    private static final String WORKER = "worker-20261122080000-127.0.0.1-8081";

    private final MemoryPersistenceEngine engine = new MemoryPersistenceEngine();
    private final StateStorage storage = new StateStorage(engine);
    private final ClusterStateMachine machine = machine();

    private static ClusterStateMachine machine() {
        return new ClusterStateMachine(new MasterState(() -> "http://127.0.0.1:8080", 200, 200),
                new MachineSettings(Duration.ofSeconds(60), Duration.ofMinutes(15), 3, 3, null, true,
                        Duration.ofSeconds(60)), CLOCK, new IdGenerator(CLOCK), new Random(1));
    }

    /** Applies a command and writes what it changed, as the store does after a batch. */
    private <R> R apply(Command<R> command) {
        R reply = machine.apply(command, new ArrayList<>());
        storage.write(machine.drainChanges(), machine.snapshot());
        return reply;
    }

    private void startWithACluster() {
        apply(new Command.TakeOverCommand(storage.takeOver()));
        apply(new Command.RegisterWorkerCommand(new RegisterWorker(WORKER, "127.0.0.1", 8081,
                "http://127.0.0.1:8081", 4, 4096, 0, List.of(), List.of(), null)));
    }

    @Test
    void aSecondMasterReadsBackEveryDriverApplicationExecutorAndWorker() {
        startWithACluster();
        String driver = apply(new Command.SubmitDriverCommand(new SubmitDriverRequest("d", null,
                CommandSpec.executable("/bin/true", List.of()), 1, 256L, true), "alice"));
        apply(new Command.ScheduleCommand());
        apply(new Command.StatesChangedCommand(WORKER, StateReports.ofDrivers(List.of(
                new DriverStateChanged(driver, DriverState.RUNNING, null, null, 0, 4242L)))));
        String app = apply(new Command.RegisterApplicationCommand(new RegisterApplicationRequest("a",
                CommandSpec.executable("/bin/true", List.of()), null, 1, 256L, 2, null, null, null), "bob"));
        apply(new Command.ScheduleCommand());
        apply(new Command.StatesChangedCommand(WORKER, new StateReports(List.of(), List.of(
                new ExecutorStateChanged(app, 0, ExecutorState.RUNNING, null, null, 77L)))));

        RecoveredState read = new StateStorage(engine).takeOver();

        assertThat(read.epoch()).isEqualTo(2);
        assertThat(read.workers()).extracting(w -> w.workerId()).containsExactly(WORKER);
        DriverEntry stored = machine.snapshot().driver(driver).orElseThrow();
        assertThat(read.drivers()).containsExactly(stored);
        ApplicationEntry storedApp = machine.snapshot().application(app).orElseThrow();
        assertThat(read.applications()).containsExactly(storedApp);
        assertThat(read.counters().nextDriverNumber()).isEqualTo(1);
        assertThat(read.counters().nextAppNumber()).isEqualTo(1);
    }

    @Test
    void queuesPrioritiesResourcesAndADrainAreReadBack() {
        apply(new Command.TakeOverCommand(storage.takeOver()));
        apply(new Command.RegisterWorkerCommand(new RegisterWorker(WORKER, "127.0.0.1", 8081, "http://127.0.0.1:8081",
                4, 4096, 0, List.of(), List.of(), null, null, Map.of("gpu", List.of("0", "1")),
                Map.of("rack", "r1"), null)));
        String driver = apply(new Command.SubmitDriverCommand(new SubmitDriverRequest("d", null,
                CommandSpec.executable("/bin/true", List.of()), 1, 256L, true, "default", 7, Map.of("gpu", 1)),
                "alice"));
        String app = apply(new Command.RegisterApplicationCommand(new RegisterApplicationRequest("a",
                CommandSpec.executable("/bin/true", List.of()), null, 1, 256L, 1, null, null, null, "default", -2,
                Map.of("gpu", 1)), "bob"));
        apply(new Command.ScheduleCommand());
        apply(new Command.DecommissionWorkerCommand(WORKER, "maintenance", "admin"));

        RecoveredState read = new StateStorage(engine).takeOver();

        assertThat(read.drivers()).containsExactly(machine.snapshot().driver(driver).orElseThrow());
        assertThat(read.drivers().get(0).resourceAddresses()).containsEntry("gpu", List.of("0"));
        assertThat(read.applications()).containsExactly(machine.snapshot().application(app).orElseThrow());
        assertThat(read.applications().get(0).queueing().priority()).isEqualTo(-2);
        WorkerEntry worker = read.workers().get(0);
        assertThat(worker.resources().offered()).containsEntry("gpu", List.of("0", "1"));
        assertThat(worker.attributes()).containsEntry("rack", "r1");
        assertThat(worker.drain().reason()).isEqualTo("decommissioned by admin: maintenance");
    }

    @Test
    void recordsWrittenBeforeQueuesAndResourcesReadAsTheDefaultQueueWithNone() {
        engine.write(new WriteBatch().put("driver/driver-20261122080000-0000", ("{\"version\":1,\"driverId\":"
                + "\"driver-20261122080000-0000\",\"seq\":0,\"description\":{\"name\":\"d\",\"command\":"
                + "{\"executable\":\"/bin/true\"},\"cores\":1,\"memoryMb\":64,\"supervise\":false},"
                + "\"state\":\"SUBMITTED\",\"submittedAt\":\"2026-11-22T08:00:00Z\",\"submittedBy\":\"alice\"}")
                .getBytes(StandardCharsets.UTF_8)));

        DriverEntry driver = storage.takeOver().drivers().get(0);

        assertThat(driver.queueing()).isEqualTo(Queueing.DEFAULT);
        assertThat(driver.description().resources()).isEmpty();
        assertThat(driver.resourceAddresses()).isEmpty();
    }

    @Test
    void oneExecutorReportRewritesThatExecutorAndNotItsApplicationsOthers() {
        startWithACluster();
        String app = apply(new Command.RegisterApplicationCommand(new RegisterApplicationRequest("a",
                CommandSpec.executable("/bin/true", List.of()), null, 1, 256L, 4, null, null, null), "bob"));
        apply(new Command.ScheduleCommand());
        machine.apply(new Command.StatesChangedCommand(WORKER, new StateReports(List.of(), List.of(
                new ExecutorStateChanged(app, 2, ExecutorState.RUNNING, null, null, 77L)))), new ArrayList<>());

        MasterState.Changes changes = machine.drainChanges();

        assertThat(changes.executors()).containsExactly(app + "/2");
    }

    @Test
    void aRecordInANewerFormatMakesTheStateUnreadable() {
        engine.write(new WriteBatch().put("driver/driver-20261122080000-0000",
                "{\"version\":2,\"driverId\":\"driver-20261122080000-0000\"}".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(storage::takeOver).isInstanceOf(UnreadableStateException.class)
                .hasMessageContaining("format 2").hasMessageContaining("driver/driver-20261122080000-0000");
    }

    @Test
    void aRecordThatIsNotJsonMakesTheStateUnreadable() {
        engine.write(new WriteBatch().put("worker/x", "\u0000garbage".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(storage::takeOver).isInstanceOf(UnreadableStateException.class)
                .hasMessageContaining("worker/x");
    }
}
