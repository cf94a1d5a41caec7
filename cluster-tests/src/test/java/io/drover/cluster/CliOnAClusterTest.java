package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.drover.client.DroverApiException;
import io.drover.client.DroverClient;
import io.drover.protocol.state.DriverState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 11: the {@code drover} command line, run as its own process, against a real master and worker. */
class CliOnAClusterTest {

    private static final Duration LONG = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Prints five numbered lines a fifth of a second apart, so its log grows while it is followed. */
    private static final String FIVE_LINES = "for i in 1 2 3 4 5; do echo line $i; sleep 0.2; done";

    @TempDir
    static Path tmp;
    private static TestCluster cluster;
    private static Cli drover;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.start(tmp.resolve("work"));
        cluster.addWorker(4, 4096);
        Path home = Files.createDirectories(tmp.resolve("home"));
        drover = new Cli(home, Map.of("DROVER_MASTER", cluster.masterUrl, "DROVER_TOKEN", Credentials.SECRET));
    }

    @AfterAll
    static void stop() {
        cluster.close();
        NoProcessesLeft.assertNoneLeft();
    }

    @Test
    void submitWithWaitEndsWithTheDriversExitCode() throws Exception {
        Cli.Result failed = drover.run("submit", "--name", "three", "--wait", "--", "/bin/sh", "-c", "exit 3");
        Cli.Result finished = drover.run("submit", "--wait", "--", "/bin/true");

        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(3);
        assertThat(failed.err()).contains("ended FAILED with exit code 3");
        assertThat(finished.exitCode()).as(finished.err()).isZero();
        assertThat(finished.err()).contains("ended FINISHED");
    }

    @Test
    void submitPrintsTheDriversIdForScripts() throws Exception {
        Cli.Result submitted = drover.run("submit", "--memory", "256m", "--", "/bin/true");

        String id = submitted.out().strip();
        assertThat(submitted.exitCode()).as(submitted.err()).isZero();
        assertThat(id).matches("driver-\\d{14}-\\d{4}");
        assertThat(cluster.client.driver(id).memoryMb()).isEqualTo(256);
    }

    @Test
    void submitWithFollowPrintsTheOutputLinesInOrderAndEndsWithTheExitCode() throws Exception {
        Cli.Result followed = drover.run("submit", "--follow", "--", "/bin/sh", "-c", FIVE_LINES + "; exit 4");

        assertThat(followed.exitCode()).as(followed.err()).isEqualTo(4);
        assertThat(followed.out()).isEqualTo("line 1\nline 2\nline 3\nline 4\nline 5\n");
    }

    @Test
    void logsFollowPrintsAGrowingLogAndStopsWhenTheDriverEnds() throws Exception {
        String id = drover.run("submit", "--", "/bin/sh", "-c", "sleep 1; " + FIVE_LINES + "; sleep 4; " + FIVE_LINES)
                .out().strip();
        cluster.client.awaitDriver(id, state -> state == DriverState.RUNNING, LONG);

        try (Cli.Running logs = drover.start("logs", "-f", id)) {
            await().atMost(LONG).until(() -> logs.outSoFar().contains("line 1"));
            assertThat(cluster.client.driver(id).state()).as("the driver still runs while its log is followed")
                    .isEqualTo(DriverState.RUNNING);
            Cli.Result result = logs.await(LONG);

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).isEqualTo("line 1\nline 2\nline 3\nline 4\nline 5\n".repeat(2));
        }
        assertThat(cluster.client.driver(id).state()).isEqualTo(DriverState.FINISHED);
    }

    @Test
    void killOfAnEndedDriverPrintsTheConflictsDetailAndFails() throws Exception {
        String id = drover.run("submit", "--wait", "--", "/bin/true").err().lines()
                .filter(line -> line.startsWith("Submitted ")).findFirst().orElseThrow().substring("Submitted ".length());
        DroverApiException conflict = catchThrowableOfType(DroverApiException.class, () -> cluster.client.killDriver(id));

        Cli.Result kill = drover.run("kill", id);

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(kill.exitCode()).isEqualTo(5);
        assertThat(kill.err()).contains(conflict.detail());
    }

    @Test
    void aBadTokenPrintsTheRefusalsDetail() throws Exception {
        DroverClient wrong = DroverClient.builder(cluster.masterUrl).bearerToken("not-the-cluster-secret").build();
        DroverApiException refused = catchThrowableOfType(DroverApiException.class, wrong::drivers);
        Cli stranger = new Cli(tmp, Map.of("DROVER_MASTER", cluster.masterUrl, "DROVER_TOKEN", "not-the-cluster-secret"));

        Cli.Result drivers = stranger.run("drivers");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(drivers.exitCode()).isEqualTo(6);
        assertThat(drivers.err()).contains(refused.detail()).contains("401");
        assertThat(drivers.out()).isEmpty();
    }

    @Test
    void outputJsonParsesWhereverTheGlobalOptionStands() throws Exception {
        String id = drover.run("submit", "--name", "json", "--", "/bin/true").out().strip();

        Cli.Result before = drover.run("--output", "json", "status", id);
        Cli.Result after = drover.run("status", id, "--output", "json");
        Cli.Result list = drover.run("drivers", "-o", "json");
        Cli.Result workers = drover.run("workers", "--output=json");

        JsonNode one = JSON.readTree(before.out());
        assertThat(one.get("driverId").asString()).isEqualTo(id);
        assertThat(one.get("name").asString()).isEqualTo("json");
        assertThat(JSON.readTree(after.out()).get("driverId").asString()).isEqualTo(id);
        assertThat(JSON.readTree(after.out()).get("submittedAt")).isEqualTo(one.get("submittedAt"));
        assertThat(JSON.readTree(list.out()).isArray()).isTrue();
        assertThat(JSON.readTree(list.out()).valueStream().map(d -> d.get("driverId").asString())).contains(id);
        assertThat(JSON.readTree(workers.out()).get(0).get("state").asString()).isEqualTo("ALIVE");
    }

    @Test
    void tablesNameTheirColumns() throws Exception {
        Cli.Result workers = drover.run("workers");
        Cli.Result status = drover.run("status");

        assertThat(workers.exitCode()).as(workers.err()).isZero();
        assertThat(workers.out().lines().findFirst().orElseThrow()).startsWith("ID").contains("STATE", "CORES");
        assertThat(workers.out()).contains("ALIVE");
        assertThat(status.out()).contains("Status:", "ALIVE", cluster.masterUrl);
    }

    @Test
    void anUnknownIdIsNotFound() throws Exception {
        Cli.Result status = drover.run("status", "driver-20200101000000-9999");

        assertThat(status.exitCode()).isEqualTo(4);
        assertThat(status.err()).startsWith("drover: ").contains("404");
    }

    @Test
    void theCompletionScriptLoadsInBash() throws Exception {
        Cli.Result completion = drover.run("completion", "bash");
        Path script = tmp.resolve("drover-completion.bash");
        Files.writeString(script, completion.out());

        Process bash = new ProcessBuilder("bash", "-c", "source \"$1\" && complete -p drover", "bash", script.toString())
                .redirectErrorStream(true).start();
        String said = new String(bash.getInputStream().readAllBytes());

        assertThat(bash.waitFor()).as(said).isZero();
        assertThat(said).contains("complete").contains("drover");
        assertThat(completion.out()).contains("submit", "logs", "--output");
    }
}
