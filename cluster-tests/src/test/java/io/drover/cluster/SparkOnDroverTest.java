package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.examples.spark.GeneratedText;
import io.drover.examples.spark.SparkWordCount;
import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.ExecutorState;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Spark applications on a Drover cluster (issue 12): a {@code SparkContext} with master
 * {@code drover://...} in a JVM of its own gets its executors from two Drover workers. One cluster for the class;
 * small executors (one core, 512 MB).
 */
class SparkOnDroverTest {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);
    private static final String EXECUTOR_BACKEND = "org.apache.spark.executor.CoarseGrainedExecutorBackend";

    @TempDir
    static Path root;

    private static TestCluster cluster;
    private static String worker1;
    private static String worker2;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start(root.resolve("cluster"));
        worker1 = cluster.addWorker(2, 4096, SparkFixture.workerArgs());
        worker2 = cluster.addWorker(2, 4096, SparkFixture.workerArgs());
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        NoProcessesLeft.assertNoneLeft();
    }

    /** A driver outside the cluster: it names the master and a token, and ships the examples jar to executors. */
    private static Map<String, String> conf(String... more) {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.master", "drover://" + URI.create(cluster.masterUrl).getAuthority());
        conf.put("spark.drover.token", Credentials.SECRET);
        conf.put("spark.driver.host", "127.0.0.1");
        conf.put("spark.driver.bindAddress", "127.0.0.1");
        conf.put("spark.ui.port", "0");
        conf.put("spark.jars", ExampleJar.path().toUri().toString());
        conf.put("spark.executor.memory", "512m");
        conf.put("spark.executor.cores", "1");
        conf.put("spark.cores.max", "2");
        for (int i = 0; i < more.length; i += 2) {
            conf.put(more[i], more[i + 1]);
        }
        return conf;
    }

    private static void assertRightAnswer(String stdout, long lines) {
        assertThat(stdout).contains("lines=" + lines + "\n")
                .contains("distinct=" + GeneratedText.expectedCounts(lines).size() + "\n")
                .contains("counts=" + SparkWordCount.format(GeneratedText.expectedCounts(lines)) + "\n");
    }

    /** The newest application of that name, as Drover lists it. */
    private static Optional<ApplicationView> application(String name) {
        return cluster.client.applications().stream().filter(a -> a.name().equals(name))
                .max((a, b) -> a.submittedAt().compareTo(b.submittedAt()));
    }

    private static long running(ApplicationView app) {
        return app.executors().stream().filter(e -> e.state() == ExecutorState.RUNNING).count();
    }

    @Test
    void aCountAndAWordCountWithAShuffleGiveTheRightAnswerWithExecutorsOnBothWorkers() throws Exception {
        Path dir = root.resolve("word-count");
        Process driver = SparkFixture.startDriver(dir, SparkWordCount.class.getName(), conf(), "20000", "4");
        try {
            String stdout = SparkFixture.awaitSuccess(driver, dir, JOB_TIMEOUT);

            assertRightAnswer(stdout, 20000);
            ApplicationView app = application("drover-word-count").orElseThrow();
            assertThat(app.state()).isEqualTo(ApplicationState.FINISHED);
            assertThat(app.executors()).extracting(ExecutorView::workerId).contains(worker1, worker2);
            assertThat(app.webUiUrl()).as("the Spark UI, linked from the application's page").startsWith("http://");
            // Each executor was a child process of its worker: its directory and logs are in that worker's work dir.
            for (ExecutorView executor : app.executors()) {
                int index = executor.workerId().equals(worker1) ? 1 : 2;
                assertThat(cluster.workDir(index).resolve(app.appId()).resolve(Integer.toString(executor.executorId()))
                        .resolve("stderr")).content().contains(EXECUTOR_BACKEND);
            }
        } finally {
            SparkFixture.stop(driver);
        }
    }

    @Test
    void anExecutorKilledMidJobHasItsTasksRunAgainAndTheAnswerIsStillRight() throws Exception {
        Path dir = root.resolve("killed-executor");
        Process driver = SparkFixture.startDriver(dir, SparkWordCount.class.getName(),
                conf("spark.app.name", "killed-executor"), "20000", "8", "1500");
        try {
            ApplicationView app = SparkFixture.awaitWhileRunning(driver, dir, "two executors running",
                    () -> application("killed-executor").orElse(null), a -> a != null && running(a) == 2);
            ExecutorView busy = SparkFixture.awaitWhileRunning(driver, dir, "an executor running a task",
                    () -> app.executors().stream().filter(SparkOnDroverTest::runsATask).findFirst().orElse(null),
                    e -> e != null);

            ProcessHandle victim = ProcessHandle.current().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains(EXECUTOR_BACKEND)
                            && p.info().commandLine().orElse("").contains(app.appId())
                            && p.info().commandLine().orElse("").contains("--executor-id " + busy.executorId() + " "))
                    .findFirst().orElseThrow();
            victim.destroyForcibly();

            String stdout = SparkFixture.awaitSuccess(driver, dir, JOB_TIMEOUT);
            assertRightAnswer(stdout, 20000);
            List<ExecutorView> executors = cluster.client.application(app.appId()).executors();
            assertThat(executors).anySatisfy(e -> {
                assertThat(e.state()).isEqualTo(ExecutorState.FAILED);
                assertThat(e.exitCode()).isEqualTo(137);
            });
            assertThat(executors).hasSizeGreaterThan(2);
        } finally {
            SparkFixture.stop(driver);
        }
    }

    /** Whether Spark has started a task on the executor: its own log says so, in its worker's work dir. */
    private static boolean runsATask(ExecutorView executor) {
        Path stderr = cluster.workDir(executor.workerId().equals(worker1) ? 1 : 2).resolve(executor.appId())
                .resolve(Integer.toString(executor.executorId())).resolve("stderr");
        try {
            return Files.exists(stderr) && Files.readString(stderr).contains("Running task");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void withDynamicAllocationExecutorsComeWhileTasksWaitAndGoWhenIdle() throws Exception {
        Path dir = root.resolve("dynamic");
        Process driver = SparkFixture.startDriver(dir, SparkWordCount.class.getName(), conf(
                "spark.app.name", "dynamic",
                "spark.dynamicAllocation.enabled", "true",
                "spark.dynamicAllocation.shuffleTracking.enabled", "true",
                "spark.dynamicAllocation.shuffleTracking.timeout", "1s",
                "spark.dynamicAllocation.minExecutors", "0",
                "spark.dynamicAllocation.initialExecutors", "0",
                "spark.dynamicAllocation.maxExecutors", "2",
                "spark.dynamicAllocation.schedulerBacklogTimeout", "1s",
                "spark.dynamicAllocation.sustainedSchedulerBacklogTimeout", "1s",
                "spark.dynamicAllocation.executorIdleTimeout", "1s"), "2000", "8", "1000", "12000");
        try {
            ApplicationView busy = SparkFixture.awaitWhileRunning(driver, dir, "executors while tasks wait",
                    () -> application("dynamic").orElse(null), a -> a != null && running(a) == 2);

            ApplicationView idle = SparkFixture.awaitWhileRunning(driver, dir, "executors gone while the driver idles",
                    () -> cluster.client.application(busy.appId()),
                    a -> a.executors().stream().noneMatch(e -> !e.state().isTerminal()));
            assertThat(driver.isAlive()).as("the driver is still up, idle").isTrue();
            assertThat(idle.executorLimit()).isZero();
            assertThat(idle.executors()).allSatisfy(e -> assertThat(e.state()).isEqualTo(ExecutorState.KILLED));

            assertRightAnswer(SparkFixture.awaitSuccess(driver, dir, JOB_TIMEOUT), 2000);
        } finally {
            SparkFixture.stop(driver);
        }
    }
}
