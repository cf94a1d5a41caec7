package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.WorkerState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Placement as workers join and leave: drivers wait for room, and a lost worker's supervised driver moves. */
class WorkersComingAndGoingTest {

    private static final Duration LONG = Duration.ofSeconds(60);
    private static final CommandSpec SLEEP = CommandSpec.executable("/bin/sleep", List.of("600"));

    @TempDir
    Path tmp;
    private TestCluster cluster;

    @BeforeEach
    void start() {
        cluster = TestCluster.start(tmp);
    }

    @AfterEach
    void stop() {
        cluster.close();
        NoProcessesLeft.assertNoneLeft();
    }

    private String submitSleeper(boolean supervise) {
        return cluster.client.submitDriver(new SubmitDriverRequest("sleeper", null, SLEEP, 1, 256L, supervise));
    }

    private DriverView awaitRunning(String driverId) {
        return cluster.client.awaitDriver(driverId, s -> s == DriverState.RUNNING || s.isTerminal(), LONG);
    }

    @Test
    void aDriverThatFitsNoWorkerWaitsAndStartsOnceAWorkerWithRoomRegisters() {
        String first = cluster.addWorker(1, 1024);
        String occupying = submitSleeper(false);
        assertThat(awaitRunning(occupying).workerId()).isEqualTo(first);

        String waiting = submitSleeper(false);
        DriverView queued = cluster.client.driver(waiting);
        assertThat(queued.state()).isEqualTo(DriverState.SUBMITTED);
        assertThat(queued.workerId()).isNull();

        String second = cluster.addWorker(1, 1024);

        DriverView running = awaitRunning(waiting);
        assertThat(running.state()).isEqualTo(DriverState.RUNNING);
        assertThat(running.workerId()).isEqualTo(second);
    }

    @Test
    void aStoppedWorkerBecomesDeadAndItsSupervisedDriverIsRelaunchedOnTheOtherWorker() {
        String first = cluster.addWorker(1, 1024);
        String driverId = submitSleeper(true);
        assertThat(awaitRunning(driverId).workerId()).isEqualTo(first);
        String second = cluster.addWorker(1, 1024);

        cluster.stopWorker(1);

        await().atMost(LONG).until(() -> cluster.client.worker(first).state() == WorkerState.DEAD);
        DriverView moved = await().atMost(LONG).until(() -> cluster.client.driver(driverId),
                d -> d.state() == DriverState.RUNNING && second.equals(d.workerId()));
        assertThat(moved.restarts()).isEqualTo(1);
        assertThat(cluster.client.worker(first).state()).isEqualTo(WorkerState.DEAD);
    }

    @Test
    void aStoppedWorkersUnsupervisedDriverEndsInError() {
        cluster.addWorker(1, 1024);
        String driverId = submitSleeper(false);
        awaitRunning(driverId);

        cluster.stopWorker(1);

        DriverView ended = cluster.client.awaitDriver(driverId, DriverState::isTerminal, LONG);
        assertThat(ended.state()).isEqualTo(DriverState.ERROR);
        assertThat(ended.message()).contains("lost");
    }
}
