package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.examples.PiPartition;
import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.LogStream;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributed example, PiDriver, as a user runs it: a driver on one worker registers an application
 * whose executors, on two other workers, fetch partitions from the driver and send back counts. The answer
 * is checkable because every partition has a fixed seed.
 */
class PiJobOnAClusterTest {

    private static final Duration LONG = Duration.ofSeconds(120);
    private static final int PARTITIONS = 24;
    private static final long SAMPLES = 10_000_000;
    /**
     * Long enough that the job outlasts a lost worker's timeout (short here) by seconds, so its executors
     * are seen replaced even on a fast machine.
     */
    private static final int LONG_JOB_PARTITIONS = 96;
    private static final Duration SHORT_WORKER_TIMEOUT = Duration.ofMillis(1500);

    @TempDir
    Path tmp;
    private TestCluster cluster;
    private String workerB;
    private String workerC;

    /**
     * Worker A is the only one with memory for the driver (1,024 MB) and has no core left for executors
     * once the driver runs, so the executors (256 MB each) go to B and C.
     */
    @BeforeEach
    void start() {
        cluster = TestCluster.start(tmp, SHORT_WORKER_TIMEOUT);
        cluster.addWorker(1, 1024);
        workerB = cluster.addWorker(2, 768);
        workerC = cluster.addWorker(2, 768);
    }

    @AfterEach
    void stop() {
        cluster.close();
        NoProcessesLeft.assertNoneLeft();
    }

    private String submitPi(int partitions) {
        String driverId = cluster.client.submitDriver(new SubmitDriverRequest("pi", ExampleJar.path().toUri().toString(),
                CommandSpec.jvm("io.drover.examples.PiDriver", List.of("{{APP_RESOURCE}}"),
                        List.of(Integer.toString(partitions), Long.toString(SAMPLES), "2")), 1, 1024L, false));
        cluster.client.awaitDriver(driverId, s -> s == DriverState.RUNNING || s.isTerminal(), LONG);
        return driverId;
    }

    private ApplicationView applicationOf(String driverId) {
        return await().atMost(LONG).until(() -> cluster.client.applications().stream()
                .filter(a -> driverId.equals(a.driverId())).findFirst().orElse(null), a -> a != null);
    }

    private Set<String> runningOn(String appId) {
        return cluster.client.application(appId).executors().stream()
                .filter(e -> e.state() == ExecutorState.RUNNING).map(ExecutorView::workerId)
                .collect(Collectors.toSet());
    }

    private void assertRightAnswer(String driverId, int partitions) {
        DriverView done = cluster.client.awaitDriver(driverId, DriverState::isTerminal, LONG);
        String out = cluster.client.driverLog(driverId, LogStream.STDOUT, 0, 1 << 20);
        assertThat(done.state()).as(out).isEqualTo(DriverState.FINISHED);
        long expectedInside = IntStream.range(0, partitions).mapToLong(p -> PiPartition.countInside(p, SAMPLES)).sum();
        assertThat(out).contains("(" + expectedInside + " inside of " + partitions * SAMPLES + " samples over "
                + partitions + " partitions)");
    }

    @Test
    void theExampleRunsWithExecutorsOnBothWorkersAndGivesTheRightAnswer() {
        String driverId = submitPi(PARTITIONS);
        String appId = applicationOf(driverId).appId();

        assertRightAnswer(driverId, PARTITIONS);

        ApplicationView app = cluster.client.awaitApplication(appId, ApplicationState::isTerminal, LONG);
        assertThat(app.state()).isEqualTo(ApplicationState.FINISHED);
        assertThat(app.executors()).extracting(ExecutorView::workerId).contains(workerB, workerC);
    }

    @Test
    void killingAnExecutorsProcessMidJobGetsItReplacedAndTheAnswerIsStillRight() {
        String driverId = submitPi(PARTITIONS);
        String appId = applicationOf(driverId).appId();
        await().atMost(LONG).until(() -> runningOn(appId).size() == 2);
        long pid = await().atMost(LONG).until(() -> WorkerProbe.executorPids(cluster.workerUrl(3)), p -> !p.isEmpty())
                .get(0);

        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);

        assertRightAnswer(driverId, PARTITIONS);
        assertThat(cluster.client.application(appId).executors()).extracting(ExecutorView::state)
                .contains(ExecutorState.FAILED);
    }

    @Test
    void stoppingAWorkerMidJobGetsItsExecutorsReplacedOnTheOtherAndTheJobCompletes() {
        String driverId = submitPi(LONG_JOB_PARTITIONS);
        String appId = applicationOf(driverId).appId();
        await().atMost(LONG).until(() -> runningOn(appId).size() == 2);

        cluster.stopWorker(2);

        assertRightAnswer(driverId, LONG_JOB_PARTITIONS);
        ApplicationView app = cluster.client.application(appId);
        assertThat(app.executors()).filteredOn(e -> e.workerId().equals(workerB))
                .extracting(ExecutorView::state).contains(ExecutorState.LOST);
        assertThat(app.executors()).filteredOn(e -> e.workerId().equals(workerC)).hasSizeGreaterThanOrEqualTo(2);
    }
}
