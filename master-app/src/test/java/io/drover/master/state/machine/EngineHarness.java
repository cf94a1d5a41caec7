package io.drover.master.state.machine;

import io.drover.master.scheduling.SchedulingSettings;
import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.state.MasterStatus;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.ids.IdGenerator;
import io.drover.protocol.internal.Heartbeat;
import io.drover.protocol.internal.HeartbeatReply;
import io.drover.protocol.internal.ChildProcess;
import io.drover.protocol.internal.RegisterWorker;
import io.drover.protocol.internal.RegisterWorkerReply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Drives the state machine in a test as the store would, minus threads: a settable clock, recorded
 * effects, and a schedule round run whenever a command asks for one (Nomad's scheduler Harness).
 */
final class EngineHarness {

    static final String MASTER_URL = "http://127.0.0.1:8080";
    static final long EPOCH = 7;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    final List<Effect> effects = new ArrayList<>();
    final ClusterStateMachine machine;

    EngineHarness() {
        this(Duration.ofSeconds(60), 3);
    }

    EngineHarness(Duration workerTimeout, int maxLaunchAttempts) {
        this(workerTimeout, maxLaunchAttempts, 3, true);
    }

    EngineHarness(Duration workerTimeout, int maxLaunchAttempts, int maxExecutorRetries, boolean spreadOut) {
        this(workerTimeout, maxLaunchAttempts, maxExecutorRetries, spreadOut, RecoveredState.empty(EPOCH));
    }

    private EngineHarness(Duration workerTimeout, int maxLaunchAttempts, int maxExecutorRetries, boolean spreadOut,
            RecoveredState recovered) {
        this(new MachineSettings(workerTimeout, Duration.ofMinutes(15), maxLaunchAttempts, maxExecutorRetries, null,
                spreadOut, workerTimeout), recovered);
    }

    /** A master that places as {@code scheduling} says (queues, Spark's knobs). */
    EngineHarness(SchedulingSettings scheduling) {
        this(new MachineSettings(Duration.ofSeconds(60), Duration.ofMinutes(15), 3, 3, null, true,
                Duration.ofSeconds(60)).withScheduling(scheduling), RecoveredState.empty(EPOCH));
    }

    private EngineHarness(MachineSettings settings, RecoveredState recovered) {
        MasterState state = new MasterState(() -> MASTER_URL, 200, 200);
        machine = new ClusterStateMachine(state, settings, clock, new IdGenerator(clock), new Random(1));
        apply(new Command.TakeOverCommand(recovered));
    }

    /**
     * A second master taking over from what {@code before} had stored, under {@code epoch}: the snapshot's
     * entries stand in for the store's records (the storage has tests of its own).
     */
    static EngineHarness takingOver(EngineHarness before, long epoch) {
        ClusterSnapshot s = before.snapshot();
        List<DriverEntry> drivers = new ArrayList<>(s.drivers().values());
        drivers.addAll(s.completedDrivers().values());
        List<ApplicationEntry> apps = new ArrayList<>(s.applications().values());
        apps.addAll(s.completedApplications().values());
        long nextDriver = drivers.stream().mapToLong(DriverEntry::seq).max().orElse(-1) + 1;
        long nextApp = apps.stream().mapToLong(ApplicationEntry::seq).max().orElse(-1) + 1;
        RecoveredState recovered = new RecoveredState(epoch, new IdCounters(nextDriver, nextApp),
                s.workers().values().stream().map(WorkerEntry::withoutWork).toList(), drivers, apps);
        EngineHarness after = new EngineHarness(Duration.ofSeconds(60), 3, 3, true, recovered);
        after.clock.advance(Duration.between(after.clock.instant(), before.clock.instant()));
        return after;
    }

    /** Applies the command as the store would, and a placement round when it asks for one and may have it. */
    <R> R apply(Command<R> command) {
        List<Effect> produced = new ArrayList<>();
        R reply = machine.apply(command, produced);
        effects.addAll(produced);
        if (produced.stream().anyMatch(e -> e instanceof Effect.RequestSchedule)
                && machine.snapshot().status() == MasterStatus.ALIVE) {
            machine.apply(new Command.ScheduleCommand(), effects);
        }
        return reply;
    }

    /** Registers a worker that offers custom resources ({@code gpu: [0, 1]}) and returns its id. */
    String registerWorker(int port, int cores, long memoryMb, Map<String, List<String>> resources) {
        String id = IdGenerator.workerId(clock, "127.0.0.1", port);
        apply(new Command.RegisterWorkerCommand(new RegisterWorker(id, "127.0.0.1", port, "http://127.0.0.1:" + port,
                cores, memoryMb, 0, List.of(), List.of(), null, null, resources, Map.of(), null)));
        return id;
    }

    RegisterWorkerReply registerWorker(String host, int port, int cores, long memoryMb, List<String> running) {
        String id = IdGenerator.workerId(clock, host, port);
        return apply(new Command.RegisterWorkerCommand(
                new RegisterWorker(id, host, port, "http://" + host + ":" + port, cores, memoryMb, 0,
                        running.stream().map(d -> new ChildProcess(d, null, null, 0)).toList(), List.of(), null)));
    }

    String registerWorker(int port, int cores, long memoryMb) {
        registerWorker("127.0.0.1", port, cores, memoryMb, List.of());
        return IdGenerator.workerId(clock, "127.0.0.1", port);
    }

    HeartbeatReply heartbeat(String workerId, List<String> running) {
        return apply(new Command.HeartbeatCommand(workerId, new Heartbeat(EPOCH, running, List.of())));
    }

    String submit(int cores, long memoryMb, boolean supervise) {
        return apply(new Command.SubmitDriverCommand(new SubmitDriverRequest("test",
                null, CommandSpec.executable("/bin/true", List.of()), cores, memoryMb, supervise), "alice"));
    }

    ClusterSnapshot snapshot() {
        return machine.snapshot();
    }

    <T extends Effect> List<T> effectsOf(Class<T> type) {
        return effects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
