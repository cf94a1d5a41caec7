package io.drover.bench.durability;

import io.drover.master.persistence.PersistenceEngine;
import io.drover.master.state.machine.ClusterStateMachine;
import io.drover.master.state.machine.Command;
import io.drover.master.state.machine.Effect;
import io.drover.master.state.machine.MachineSettings;
import io.drover.master.state.machine.MasterState;
import io.drover.master.state.machine.RecoveredState;
import io.drover.master.state.storage.StateStorage;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.ids.IdGenerator;
import io.drover.protocol.internal.RegisterWorker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * A big stored state and the time to take it over. The store is filled through the master's own state
 * machine and {@link StateStorage}, in batches as the inbox would write them: 1,000 workers of 16 cores,
 * 10,000 drivers placed on them, 1,000 applications with 4 executors each (Spark's persistence benchmark
 * has the same numbers of workers, drivers and applications). Taking over is then what a master does when it
 * starts or wins an election: {@link StateStorage#takeOver} (a new epoch, every record read and decoded) and
 * the {@code TakeOverCommand} that rebuilds the state from them.
 */
final class RecoveryLoad {

    static final int WORKERS = 1_000;
    static final int DRIVERS = 10_000;
    static final int APPLICATIONS = 1_000;
    private static final int BATCH = 500;
    private static final String URL = "http://127.0.0.1:7077";

    /** How long each step of one take-over took, and how much it read. */
    record TakeOver(Duration storage, Duration command, Duration rawRead, int workers, int drivers,
            int applications) {

        Duration total() {
            return storage.plus(command);
        }
    }

    private RecoveryLoad() {
    }

    /** Fills the store behind {@code engine}; returns the number of records written. */
    static int fill(PersistenceEngine engine) {
        StateStorage storage = new StateStorage(engine);
        ClusterStateMachine machine = machine();
        List<Effect> ignored = new ArrayList<>();
        machine.apply(new Command.TakeOverCommand(storage.takeOver()), ignored);
        int written = storage.write(machine.drainChanges(), machine.snapshot());
        // Loopback addresses nobody listens on: the effects that would call them are never sent.
        written += inBatches(storage, machine, WORKERS, i -> new Command.RegisterWorkerCommand(new RegisterWorker(
                "worker-20260101000000-127.0.0.1-" + (20_000 + i), "127.0.0.1", 20_000 + i,
                "http://127.0.0.1:" + (20_000 + i), 16, 65_536, 0, List.of(), List.of(), null)));
        written += inBatches(storage, machine, DRIVERS, i -> new Command.SubmitDriverCommand(new SubmitDriverRequest(
                "driver-" + i, "https://repo.example.com/jobs/job-" + i + ".jar",
                CommandSpec.jvm("com.example.Job" + i, List.of("{{APP_RESOURCE}}"), List.of("--input",
                        "s3://bucket/input/" + i, "--output", "s3://bucket/output/" + i)), 1, 1024L, i % 2 == 0),
                "bench"));
        written += inBatches(storage, machine, APPLICATIONS, i -> new Command.RegisterApplicationCommand(
                new RegisterApplicationRequest("app-" + i, CommandSpec.jvm("com.example.Executor",
                        List.of("{{APP_RESOURCE}}"), List.of("--app", "{{APP_ID}}", "--executor", "{{EXECUTOR_ID}}")),
                        null, 1, 1024L, 4, null, null, null), "bench"));
        machine.apply(new Command.ScheduleCommand(), ignored);
        written += storage.write(machine.drainChanges(), machine.snapshot());
        return written;
    }

    private static int inBatches(StateStorage storage, ClusterStateMachine machine, int count,
            IntFunction<Command<?>> command) {
        List<Effect> ignored = new ArrayList<>();
        int written = 0;
        for (int i = 0; i < count; i++) {
            machine.apply(command.apply(i), ignored);
            if ((i + 1) % BATCH == 0 || i == count - 1) {
                written += storage.write(machine.drainChanges(), machine.snapshot());
                ignored.clear();
            }
        }
        return written;
    }

    /** One take-over of the store behind {@code engine}, by a master that has just started. */
    static TakeOver takeOver(PersistenceEngine engine) {
        StateStorage storage = new StateStorage(engine);
        ClusterStateMachine machine = machine();
        long started = System.nanoTime();
        RecoveredState recovered = storage.takeOver();
        long read = System.nanoTime();
        machine.apply(new Command.TakeOverCommand(recovered), new ArrayList<>());
        long applied = System.nanoTime();
        // The engine's part alone, read again afterwards so it does not warm anything for the take-over.
        engine.readAll();
        long rawRead = System.nanoTime() - applied;
        return new TakeOver(Duration.ofNanos(read - started), Duration.ofNanos(applied - read),
                Duration.ofNanos(rawRead), recovered.workers().size(), recovered.drivers().size(),
                recovered.applications().size());
    }

    /** The master's state machine with its default settings and retention, and no quota. */
    static ClusterStateMachine machine() {
        Clock clock = Clock.systemUTC();
        return new ClusterStateMachine(new MasterState(() -> URL, 200, 200), new MachineSettings(
                Duration.ofSeconds(60), Duration.ofMinutes(15), 3, 10, null, true, Duration.ofSeconds(60)), clock,
                new IdGenerator(clock), new Random(1));
    }
}
