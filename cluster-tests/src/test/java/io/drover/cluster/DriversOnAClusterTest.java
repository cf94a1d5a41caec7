package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.LogStream;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.api.WorkerView;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.DriverState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole driver path on one real master and one real worker: submit, run, read output, kill. */
class DriversOnAClusterTest {

    private static final Duration LONG = Duration.ofSeconds(60);

    @TempDir
    static Path tmp;
    private static TestCluster cluster;
    private static String workerId;

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(tmp.resolve("work"));
        workerId = cluster.addWorker(4, 4096);
    }

    @AfterAll
    static void stop() {
        cluster.close();
        NoProcessesLeft.assertNoneLeft();
    }

    private static String submit(String name, CommandSpec command, boolean supervise) {
        return cluster.client.submitDriver(new SubmitDriverRequest(name, null, command, 1, 256L, supervise));
    }

    private static DriverView awaitState(String driverId, DriverState state) {
        return cluster.client.awaitDriver(driverId, s -> s == state || s.isTerminal(), LONG);
    }

    @Test
    void theWorkerRegistersAndKeepsHeartbeating() {
        Instant first = cluster.client.worker(workerId).lastHeartbeat();

        await().atMost(LONG).until(() -> cluster.client.worker(workerId).lastHeartbeat().isAfter(first));

        WorkerView worker = cluster.client.worker(workerId);
        assertThat(worker.cores()).isEqualTo(4);
        assertThat(worker.memoryMb()).isEqualTo(4096);
    }

    @Test
    void aJavaDriverFromAJarRunsToTheEndAndItsOutputIsReadableThroughTheMaster() throws Exception {
        // Under the cluster's work root, which its workers copy file: resources from (allowed-resource-dirs).
        Path jar = TestJars.jarOf(Files.createDirectories(tmp.resolve("work/jars")), HelloMain.class);
        String driverId = cluster.client.submitDriver(new SubmitDriverRequest("hello-jar", jar.toUri().toString(),
                CommandSpec.jvm(HelloMain.class.getName(), List.of("{{APP_RESOURCE}}"), List.of("a", "b")),
                1, 128L, false));

        DriverView done = awaitState(driverId, DriverState.FINISHED);

        assertThat(done.state()).isEqualTo(DriverState.FINISHED);
        assertThat(done.exitCode()).isZero();
        assertThat(done.workerId()).isEqualTo(workerId);
        assertThat(cluster.client.driverLog(driverId, LogStream.STDOUT, 0, 65536))
                .contains("hello from a jar, driver " + driverId + ", args a,b");
    }

    @Test
    void anExecutableThatExitsNonZeroEndsFailedWithItsExitCode() {
        String driverId = submit("exit-3", CommandSpec.executable("/bin/sh", List.of("-c", "echo hello; exit 3")),
                false);

        DriverView done = awaitState(driverId, DriverState.FAILED);

        assertThat(done.state()).isEqualTo(DriverState.FAILED);
        assertThat(done.exitCode()).isEqualTo(3);
        assertThat(cluster.client.driverLog(driverId, LogStream.STDOUT, 0, 1024)).isEqualTo("hello\n");
    }

    /**
     * The pids come from the worker's view of its driver, not from the driver's own {@code $$}: under process
     * isolation the driver lives in a PID namespace of its own, where its numbers mean nothing outside.
     */
    @Test
    void killingADriverStopsItAndTheChildItStarted() {
        String driverId = submit("sleeper", CommandSpec.executable("/bin/sh",
                List.of("-c", "sleep 600 & echo child=$!; echo self=$$; wait")), false);
        awaitState(driverId, DriverState.RUNNING);
        await().atMost(LONG).until(
                () -> cluster.client.driverLog(driverId, LogStream.STDOUT, 0, 1024), text -> text.contains("self="));
        long self = await().atMost(LONG).until(() -> WorkerProbe.driverPid(cluster.workerUrl(1), driverId),
                pid -> pid != null);
        long child = await().atMost(LONG).until(() -> ProcessHandle.of(self).orElseThrow().children().findFirst(),
                java.util.Optional::isPresent).get().pid();
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).contains(true);

        cluster.client.killDriver(driverId);

        assertThat(awaitState(driverId, DriverState.KILLED).state()).isEqualTo(DriverState.KILLED);
        await().atMost(LONG).until(() -> gone(child) && gone(self));
    }

    @Test
    void aSupervisedDriverThatFailsIsRestartedAndItsRestartsShow() {
        String driverId = submit("flaky", CommandSpec.executable("/bin/sh", List.of("-c", "exit 1")), true);

        DriverView restarted = await().atMost(LONG).until(() -> cluster.client.driver(driverId),
                d -> d.restarts() >= 1);

        assertThat(restarted.state()).isIn(DriverState.RUNNING, DriverState.SUBMITTED);
        cluster.client.killDriver(driverId);
        assertThat(awaitState(driverId, DriverState.KILLED).state()).isEqualTo(DriverState.KILLED);
    }

    @Test
    void aDriverBiggerThanEveryWorkerIsRefusedAndNothingChanges() {
        int before = cluster.client.drivers().size();

        assertThat(ApiErrors.statusOf(() -> cluster.client.submitDriver(new SubmitDriverRequest("huge", null,
                CommandSpec.executable("/bin/true", List.of()), 64, 256L, false))))
                .hasValueSatisfying(problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.detail()).contains("cores").contains("largest: 4");
                });
        assertThat(cluster.client.drivers()).hasSize(before);
    }

    @Test
    void aLogPathThatTriesToClimbOutIsRefused() {
        for (String id : List.of("..", "%2e%2e", "driver-20261122080000-0001%2F..%2F..", "..%2F..%2Fetc%2Fpasswd")) {
            Optional<ApiErrors.Problem> problem = ApiErrors.rawGet(cluster.masterUrl + "/api/v1/drivers/" + id
                    + "/logs/stdout");
            assertThat(problem).as(id).hasValueSatisfying(p -> assertThat(p.status()).isBetween(400, 404));
        }
    }

    private static boolean gone(long pid) {
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }
}
