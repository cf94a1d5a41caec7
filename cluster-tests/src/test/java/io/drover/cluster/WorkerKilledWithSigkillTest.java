package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.WorkerState;
import io.drover.worker.config.RunningUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: no child outlives its worker. A worker started from its jar as a process of its own runs a driver
 * whose child double-forks away from it; the worker is then killed with SIGKILL, so it can clean nothing up.
 * Within two seconds nothing it started may be left, anywhere on the machine.
 */
class WorkerKilledWithSigkillTest {

    private static final Duration LONG = Duration.ofSeconds(60);

    @TempDir
    Path work;
    private TestCluster cluster;
    private Process worker;

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.destroyForcibly();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void afterTheWorkerIsKilledWithSigkillNoChildOfItRemainsWithinTwoSeconds() throws Exception {
        Assumptions.assumeTrue(RunningUser.isRoot(), "the default process isolation needs root; skipped");
        Optional<Path> jar = WorkerJar.find();
        Assumptions.assumeTrue(jar.isPresent(), "worker-app's executable jar is not built (./mvnw package); skipped");
        cluster = TestCluster.start(work);
        worker = startWorker(jar.get());
        // A JVM starting from its jar on a machine busy with other builds may take a while.
        await().atMost(Duration.ofMinutes(3)).until(() -> !worker.isAlive()
                || cluster.client.workers().stream().anyMatch(w -> w.state() == WorkerState.ALIVE));
        assertThat(worker.isAlive()).as("the worker stopped: %s", workerLog()).isTrue();

        String driverId = cluster.client.submitDriver(new SubmitDriverRequest("forker", null, CommandSpec.executable(
                "/bin/sh", List.of("-c", "(setsid sh -c 'exec sleep 744' &); exec sleep 745")), 1, 64L, false));
        await().atMost(LONG).until(() -> cluster.client.driver(driverId).state() == DriverState.RUNNING);
        List<ProcessHandle> children = await().atMost(LONG).until(
                () -> IsolationOnAClusterTest.sleeping("744", "745"), found -> found.size() == 2);
        List<ProcessHandle> everything = new ArrayList<>(children);
        worker.toHandle().descendants().forEach(everything::add);

        worker.destroyForcibly(); // SIGKILL
        worker.waitFor();

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(everything.stream()
                .filter(WorkerKilledWithSigkillTest::running).map(p -> p.pid() + " " + p.info().commandLine().orElse("?")))
                .isEmpty());
        assertThat(IsolationOnAClusterTest.sleeping("744", "745")).isEmpty();
    }

    /**
     * Alive and not a zombie: a killed process whose parent died waits for the machine's init to reap it, and
     * Java counts it alive until then, though it runs nothing.
     */
    static boolean running(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return process.isAlive() && stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private Process startWorker(Path jar) throws IOException {
        return WorkerJar.start(jar, cluster.masterUrl, work.resolve("worker"), work.resolve("worker.log"));
    }

    private String workerLog() throws IOException {
        return WorkerJar.log(work.resolve("worker.log"));
    }
}
