package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.examples.spark.GeneratedText;
import io.drover.examples.spark.SparkWordCount;
import io.drover.master.spark.SparkJavaOptions;
import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.LogStream;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.DriverState;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark's own {@code spark-submit} (its {@code SparkSubmit} class in a JVM of its own, on Spark's jars, as
 * Spark's scripts run it) against the master's Spark port: {@code --deploy-mode cluster} submits a jar whose
 * main runs a Spark job on Drover, {@code --status} reports it and {@code --kill} kills it.
 */
class SparkSubmitTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    private static final Pattern SUBMITTED = Pattern.compile("Submission successfully created as (driver-\\d{14}-\\d{4})");

    @TempDir
    static Path root;

    private static TestCluster cluster;
    private static int sparkPort;
    private static int runs;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start(root.resolve("cluster"), "--drover.spark.rest.enabled=true",
                "--drover.spark.rest.port=0");
        cluster.addWorker(2, 4096, SparkFixture.workerArgs());
        cluster.addWorker(2, 4096, SparkFixture.workerArgs());
        sparkPort = SparkRestClient.sparkPort(cluster.masterContext());
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        NoProcessesLeft.assertNoneLeft();
    }

    /** Runs {@code spark-submit <args>} to completion; returns what it logged (Spark logs to stderr). */
    private static String sparkSubmit(String... args) throws Exception {
        Path dir = Files.createDirectories(root.resolve("spark-submit-" + ++runs));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        command.addAll(SparkJavaOptions.MODULE_OPTIONS);
        // A conf directory first on the classpath, as Spark's scripts put $SPARK_CONF_DIR. For --status and --kill,
        // spark-submit lowers the root level to WARN, so the REST client's INFO lines (the answer it got) show only
        // with its logger named, as a user who wants them configures it.
        Files.writeString(dir.resolve("log4j2.properties"), String.join("\n", "rootLogger.level = info",
                "logger.rest.name = org.apache.spark.deploy.rest.RestSubmissionClient", "logger.rest.level = info",
                "rootLogger.appenderRef.stderr.ref = console", "appender.console.type = Console",
                "appender.console.name = console", "appender.console.target = SYSTEM_ERR",
                "appender.console.layout.type = PatternLayout", "appender.console.layout.pattern = %p %c{1}: %m%n"));
        command.addAll(List.of("-cp", dir + "/" + File.pathSeparator + SparkFixture.sparkHome().resolve("jars") + "/*",
                "org.apache.spark.deploy.SparkSubmit", "--master", "spark://127.0.0.1:" + sparkPort,
                "--conf", "spark.master.rest.enabled=true"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("output").toFile());
        builder.environment().put("SPARK_HOME", SparkFixture.sparkHome().toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        Process process = builder.start();
        assertThat(process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("spark-submit ends").isTrue();
        String output = Files.readString(dir.resolve("output"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static String submitWordCount(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--deploy-mode", "cluster", "--name", "submitted-word-count",
                "--class", SparkWordCount.class.getName(), "--driver-memory", "512m",
                "--executor-memory", "512m", "--executor-cores", "1", "--total-executor-cores", "2",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.ui.port=0",
                ExampleJar.path().toString()));
        all.addAll(List.of(args));
        String output = sparkSubmit(all.toArray(String[]::new));
        Matcher id = SUBMITTED.matcher(output);
        assertThat(id.find()).as(output).isTrue();
        return id.group(1);
    }

    @Test
    void sparkSubmitInClusterModeRunsTheJobOnDroverAndStatusReportsIt() throws Exception {
        String driverId = submitWordCount("20000", "4");

        DriverView driver = cluster.client.awaitDriver(driverId, DriverState::isTerminal, TIMEOUT);
        assertThat(driver.state()).as(cluster.client.driverLog(driverId, LogStream.STDERR, -20000, 20000))
                .isEqualTo(DriverState.FINISHED);
        assertThat(driver.name()).isEqualTo("submitted-word-count");
        assertThat(cluster.client.driverLog(driverId, LogStream.STDOUT, 0, 1 << 20))
                .contains("lines=20000\n")
                .contains("counts=" + SparkWordCount.format(GeneratedText.expectedCounts(20000)) + "\n");
        ApplicationView app = cluster.client.applications().stream()
                .filter(a -> driverId.equals(a.driverId())).findFirst().orElseThrow();
        assertThat(app.state()).isEqualTo(ApplicationState.FINISHED);
        assertThat(app.executors()).extracting(ExecutorView::workerId).doesNotContainNull().isNotEmpty();

        String status = sparkSubmit("--status", driverId);

        assertThat(status).contains("\"driverState\" : \"FINISHED\"").contains("\"submissionId\" : \"" + driverId + "\"");
    }

    @Test
    void sparkSubmitKillStopsARunningSubmission() throws Exception {
        String driverId = submitWordCount("1000", "2", "600000");
        cluster.client.awaitDriver(driverId, state -> state == DriverState.RUNNING, TIMEOUT);
        await("its application registered").atMost(TIMEOUT).until(() -> cluster.client.applications().stream()
                .anyMatch(a -> driverId.equals(a.driverId())));

        String kill = sparkSubmit("--kill", driverId);

        assertThat(kill).contains("\"message\" : \"Kill request for " + driverId + " submitted\"")
                .contains(driverId + " is killed successfully.");
        assertThat(cluster.client.awaitDriver(driverId, DriverState::isTerminal, TIMEOUT).state())
                .isEqualTo(DriverState.KILLED);
        await("its application ended").atMost(TIMEOUT).until(() -> cluster.client.applications().stream()
                .filter(a -> driverId.equals(a.driverId())).allMatch(a -> a.state().isTerminal()));
    }
}
