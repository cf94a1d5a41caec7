package io.drover.worker.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.ids.Ids;
import io.drover.protocol.internal.HeartbeatReply;
import io.drover.protocol.internal.RegisterWorker;
import io.drover.protocol.state.ExecutorState;
import io.drover.worker.FakeMaster;
import io.drover.worker.TestWorker;
import io.drover.worker.runner.RunnerRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real worker against a fake master: registration, heartbeats and what their replies make it do. */
class RegistrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path work;

    private FakeMaster master;
    private TestWorker worker;

    @BeforeEach
    void startMaster() throws IOException {
        master = new FakeMaster();
    }

    @AfterEach
    void stopAll() {
        if (worker != null) {
            worker.close();
        }
        master.close();
    }

    private MasterLink link() {
        return worker.bean(MasterLink.class);
    }

    @Test
    void theWorkerRegistersOnceItsServerListens() {
        worker = TestWorker.start(work, master.url());

        await().atMost(WAIT).until(() -> link().isRegistered());

        RegisterWorker registration = master.registrations.get(0);
        assertThat(Ids.isWorkerId(registration.workerId())).isTrue();
        assertThat(registration.url()).isEqualTo(worker.url);
        assertThat(registration.workerId()).endsWith("-127.0.0.1-" + registration.port());
        assertThat(registration.host()).isEqualTo("127.0.0.1");
        assertThat(registration.cores()).isEqualTo(4);
        assertThat(registration.memoryMb()).isEqualTo(4096);
        assertThat(registration.followedEpoch()).isZero();
        assertThat(link().masterUrl()).isEqualTo(master.url());
        assertThat(link().epoch()).isEqualTo(7);
    }

    @Test
    void aConfiguredPublicUrlIsWhatTheMasterIsTold() {
        worker = TestWorker.start(work, master.url(), "drover.worker.public-url=http://worker.example:9000/");

        await().atMost(WAIT).until(() -> link().isRegistered());

        assertThat(master.registrations.get(0).url()).isEqualTo("http://worker.example:9000");
        assertThat(master.registrations.get(0).host()).isEqualTo("worker.example");
    }

    @Test
    void unreachableMastersAreSkippedForTheNextUrl() {
        worker = TestWorker.start(work, "http://127.0.0.1:1," + master.url());

        await().atMost(WAIT).until(() -> link().isRegistered());

        assertThat(link().masterUrl()).isEqualTo(master.url());
    }

    @Test
    void aDuplicateIdIsRetriedWithBackoffUntilTheMasterAccepts() {
        master.conflictsToAnswer.set(2);

        worker = TestWorker.start(work, master.url());

        await().atMost(WAIT).until(() -> link().isRegistered());
        assertThat(master.registrations).hasSize(3);
    }

    @Test
    void heartbeatsCarryTheEpochAndTheRunningDrivers() {
        worker = TestWorker.start(work, master.url());

        await().atMost(WAIT).until(() -> master.heartbeats.size() >= 2);

        assertThat(master.heartbeats.get(0).epoch()).isEqualTo(7);
        assertThat(master.heartbeats.get(0).runningDriverIds()).isEmpty();
        assertThat(master.heartbeats.get(0).runningExecutors()).isEmpty();
    }

    @Test
    void aReconnectReplyMakesTheWorkerRegisterAgainWithTheEpochItFollowed() {
        worker = TestWorker.start(work, master.url());
        await().atMost(WAIT).until(() -> link().isRegistered());

        master.epoch = 8;
        master.nextHeartbeatReply = HeartbeatReply.RECONNECT;

        await().atMost(WAIT).until(() -> master.registrations.size() == 2 && link().epoch() == 8);
        assertThat(master.registrations.get(1).followedEpoch()).isEqualTo(7);
        assertThat(master.registrations.get(1).workerId()).isEqualTo(master.registrations.get(0).workerId());
    }

    @Test
    void aReRegistrationCarriesTheRunningExecutorsAndObeysTheExecutorsToKill() throws Exception {
        String app = "app-20260101000000-0001";
        worker = TestWorker.start(work, master.url());
        await().atMost(WAIT).until(() -> link().isRegistered());
        worker.postJson("/internal/v1/executors", """
                {"masterUrl": "%s", "epoch": 7, "appId": "%s", "executorId": 0,
                 "description": {"appName": "sleeper", "command": {"executable": "/bin/sleep", "arguments": ["300"]},
                                 "cores": 1, "memoryMb": 64}}
                """.formatted(master.url(), app));
        await().atMost(WAIT).until(() -> master.executorStates(app, 0).contains(ExecutorState.RUNNING));

        master.killExecutorsOnRegister = List.of(app + "/0");
        master.nextHeartbeatReply = HeartbeatReply.RECONNECT;

        await().atMost(WAIT).until(() -> master.registrations.size() == 2);
        assertThat(master.registrations.get(1).runningExecutors()).containsExactly(app + "/0");
        await().atMost(WAIT).until(() -> worker.bean(RunnerRegistry.class).runningExecutors().isEmpty());
        assertThat(master.executorStates(app, 0)).containsExactly(ExecutorState.LAUNCHING, ExecutorState.RUNNING);
    }

    @Test
    void aMasterThatStopsAnsweringHeartbeatsIsReplacedByAnotherConfiguredOne() throws IOException {
        try (FakeMaster standby = new FakeMaster()) {
            worker = TestWorker.start(work, master.url() + "," + standby.url());
            await().atMost(WAIT).until(() -> link().isRegistered());

            master.close();

            await().atMost(WAIT).until(() -> link().isRegistered() && standby.url().equals(link().masterUrl()));
            assertThat(standby.registrations).hasSize(1);
        }
    }

    @Test
    void closingTheContextStopsEveryWorkerThread() {
        worker = TestWorker.start(work, "http://127.0.0.1:1");
        await().atMost(WAIT).until(() -> threadsNamed("drover-registration").size() == 1);

        worker.close();
        worker = null;

        assertThat(threadsNamed("drover-")).isEmpty();
    }

    private static List<String> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(prefix))
                .toList();
    }
}
