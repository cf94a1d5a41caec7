package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.WorkerState;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9: a worker that stops gracefully says so, and the master replaces its work at once, not after the
 * worker timeout (a minute here, so waiting for it would fail the test).
 */
class WorkerDepartureTest {

    private static final Duration WORKER_TIMEOUT = Duration.ofSeconds(60);
    /** Far below the worker timeout: the relaunch must come from the worker's word, not from its silence. */
    private static final Duration AT_ONCE = Duration.ofSeconds(15);

    @TempDir
    Path tmp;
    private TestCluster cluster;

    @AfterEach
    void stop() {
        cluster.close();
        NoProcessesLeft.assertNoneLeft();
    }

    @Test
    void aWorkerStoppedGracefullyHasItsSupervisedDriverRunElsewhereWellBeforeTheWorkerTimeout() {
        cluster = TestCluster.start(tmp, WORKER_TIMEOUT);
        String first = cluster.addWorker(1, 512);
        GatedProcesses gated = new GatedProcesses(tmp);
        String driverId = cluster.client.submitDriver(new SubmitDriverRequest("supervised", null, gated.driver(), 1,
                64L, true));
        DriverView running = cluster.client.awaitDriver(driverId, s -> s == DriverState.RUNNING, AT_ONCE);
        assertThat(running.workerId()).isEqualTo(first);
        String second = cluster.addWorker(1, 512);

        long stopped = System.nanoTime();
        cluster.stopWorker(1);

        DriverView moved = await("the driver RUNNING on the other worker").atMost(AT_ONCE)
                .pollInterval(Duration.ofMillis(50)).until(() -> cluster.client.driver(driverId),
                        d -> d.state() == DriverState.RUNNING && second.equals(d.workerId()));
        System.out.printf("Worker stopped → its supervised driver RUNNING on another worker: %d ms "
                + "(worker timeout %d s)%n", (System.nanoTime() - stopped) / 1_000_000, WORKER_TIMEOUT.toSeconds());
        assertThat(cluster.client.worker(first).state()).isEqualTo(WorkerState.DEAD);
        assertThat(moved.restarts()).isEqualTo(1);
        // RUNNING is reported once the process exists; its first line comes a moment later.
        await().atMost(AT_ONCE).untilAsserted(() -> assertThat(gated.startCounts()).containsEntry(driverId, 2L));
    }
}
