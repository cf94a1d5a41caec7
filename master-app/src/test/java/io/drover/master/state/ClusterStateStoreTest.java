package io.drover.master.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.drover.master.persistence.MemoryPersistenceEngine;
import io.drover.master.persistence.PersistenceEngine;
import io.drover.master.persistence.PersistenceException;
import io.drover.master.persistence.WriteBatch;
import io.drover.master.state.machine.ClusterStateMachine;
import io.drover.master.state.machine.Command;
import io.drover.master.state.machine.CommandRejected;
import io.drover.master.state.machine.Effect;
import io.drover.master.state.machine.MachineSettings;
import io.drover.master.state.machine.MasterState;
import io.drover.master.state.storage.StateStorage;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.ids.IdGenerator;
import io.drover.protocol.internal.RegisterWorker;
import io.drover.protocol.state.MasterStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClusterStateStoreTest {

    /** Memory that can be told to fail its writes, as a full or broken disk would. */
    static final class FailingEngine implements PersistenceEngine {
        final MemoryPersistenceEngine memory = new MemoryPersistenceEngine();
        final AtomicBoolean failing = new AtomicBoolean();
        volatile int writes;

        @Override
        public long takeOver() {
            return memory.takeOver();
        }

        @Override
        public SortedMap<String, byte[]> readAll() {
            return memory.readAll();
        }

        @Override
        public synchronized void write(WriteBatch batch) {
            if (failing.get()) {
                throw new PersistenceException("disk full");
            }
            writes++;
            memory.write(batch);
        }

        @Override
        public String describe() {
            return "a disk that can fail";
        }

        @Override
        public boolean durable() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private final FailingEngine engine = new FailingEngine();
    private final List<Effect> routed = new CopyOnWriteArrayList<>();
    private final List<String> storeFailures = new CopyOnWriteArrayList<>();
    private final ClusterStateStore store = new ClusterStateStore(new ClusterStateMachine(
            new MasterState(() -> "http://127.0.0.1:8080", 200, 200),
            new MachineSettings(Duration.ofSeconds(60), Duration.ofMinutes(15), 3, 3, null, true,
                    Duration.ofSeconds(60)), Clock.systemUTC(), new IdGenerator(Clock.systemUTC()), new Random(1)),
            new StateStorage(engine));

    private void routeEverything() {
        for (Class<?> kind : EffectRoutes.kinds()) {
            if (kind != Effect.RequestSchedule.class) {
                routeTo(kind);
            }
        }
        store.onStoreFailure(storeFailures::add);
    }

    @SuppressWarnings("unchecked")
    private <T extends Effect> void routeTo(Class<?> kind) {
        store.route((Class<T>) kind, routed::add);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String submit() throws Exception {
        return store.submit(new Command.SubmitDriverCommand(new SubmitDriverRequest("d", null,
                CommandSpec.executable("/bin/true", List.of()), 1, 256L, false), "alice")).get(5, TimeUnit.SECONDS);
    }

    private void registerWorker() throws Exception {
        store.submit(new Command.RegisterWorkerCommand(new RegisterWorker("worker-20261122080000-127.0.0.1-8081",
                "127.0.0.1", 8081, "http://127.0.0.1:8081", 4, 4096, 0, List.of(), List.of(), null)))
                .get(5, TimeUnit.SECONDS);
    }

    @Test
    void aMasterDoesNotStartWhileAnEffectHasNoRoute() {
        assertThatThrownBy(() -> store.start(true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SendLaunchDriver");
    }

    @Test
    void anAcknowledgedSubmissionIsInTheStoreBeforeTheAnswer() throws Exception {
        routeEverything();
        store.start(true);

        String driverId = submit();

        assertThat(engine.readAll()).containsKey("driver/" + driverId);
    }

    @Test
    void aFailedWriteAnswersNobodyDoneSendsNothingAndStepsDown() throws Exception {
        routeEverything();
        store.start(true);
        registerWorker();
        await().until(() -> routed.isEmpty() || routed.stream().noneMatch(e -> e instanceof Effect.SendLaunchDriver));
        int writes = engine.writes;
        engine.failing.set(true);

        assertThatThrownBy(this::submit).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(CommandRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(CommandRejected.Reason.NOT_ALIVE));

        assertThat(store.snapshot().status()).isEqualTo(MasterStatus.STANDBY);
        assertThat(store.snapshot().drivers()).isEmpty();
        assertThat(routed).noneMatch(e -> e instanceof Effect.SendLaunchDriver);
        // The leadership hears of the failure just after the senders do.
        await().untilAsserted(() -> assertThat(storeFailures).singleElement().asString().contains("disk full"));
        assertThat(engine.writes).isEqualTo(writes);
    }

    @Test
    void afterAFailedWriteTheNextTakeOverReadsWhatTheStoreHeld() throws Exception {
        routeEverything();
        store.start(true);
        registerWorker();
        String kept = submit();
        engine.failing.set(true);
        assertThatThrownBy(this::submit).isInstanceOf(ExecutionException.class);
        engine.failing.set(false);

        store.takeOver().get(5, TimeUnit.SECONDS);

        assertThat(store.snapshot().drivers()).containsOnlyKeys(kept);
        assertThat(store.snapshot().epoch()).isEqualTo(2);
    }
}
