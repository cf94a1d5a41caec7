package io.drover.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class PiDriverTest {

    private static final String DRIVER_ID = "driver-20240101120000-0001";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void registersAnApplicationWhoseExecutorsComputeTheExactAnswer() throws Exception {
        Path jar = Files.writeString(dir.resolve("examples.jar"), "a jar");
        try (FakePiMaster master = new FakePiMaster(2)) {
            int status = run(env(master, jar), "6", "30000", "3");

            assertThat(status).as(text(err)).isZero();
            long inside = PiPartitionTest.expectedInside(6, 30_000);
            String line = String.format(Locale.ROOT,
                    "Pi is roughly %.8f (%d inside of 180000 samples over 6 partitions)", 4.0 * inside / 180_000, inside);
            assertThat(text(out)).contains(line + "\n")
                    .contains("Registered application " + FakePiMaster.APP_ID)
                    .contains("Partitions by executor:")
                    .containsPattern("executor [01] on http://127\\.0\\.0\\.1:808[12]: \\d partitions?")
                    .contains("executor 0 added RUNNING on http://127.0.0.1:8081")
                    .contains("application RUNNING");
            assertThat(master.calls()).containsSubsequence("POST /api/v1/applications",
                    "GET /api/v1/applications/" + FakePiMaster.APP_ID + "/events",
                    "POST /api/v1/applications/" + FakePiMaster.APP_ID + "/finish");
            assertThat(master.executorStatuses()).containsExactly(0, 0);

            JsonNode app = master.registration();
            assertThat(app.get("name").asString()).isEqualTo("pi");
            assertThat(app.at("/executorCommand/mainClass").asString()).isEqualTo("io.drover.examples.PiExecutor");
            assertThat(app.at("/executorCommand/classpath/0").asString()).isEqualTo("{{APP_RESOURCE}}");
            assertThat(app.get("appResource").asString()).isEqualTo(jar.toUri().toString()).startsWith("file:");
            assertThat(app.get("coresPerExecutor").asInt()).isEqualTo(1);
            assertThat(app.get("memoryPerExecutorMb").asLong()).isEqualTo(256);
            assertThat(app.get("maxCores").asInt()).isEqualTo(3);
            assertThat(app.get("driverId").asString()).isEqualTo(DRIVER_ID);
            assertThat(app.get("driverUrl").asString()).matches("http://127\\.0\\.0\\.1:\\d+");
        }
    }

    @Test
    void stopsWaitingWhenTheApplicationIsKilled() throws Exception {
        Path jar = Files.writeString(dir.resolve("examples.jar"), "a jar");
        try (FakePiMaster master = new FakePiMaster(0)) {
            int status = run(env(master, jar), "2", "1000");

            assertThat(status).isEqualTo(1);
            assertThat(text(err)).contains("the application ended KILLED before every partition had a result");
            assertThat(text(out)).doesNotContain("Pi is roughly");
        }
    }

    @Test
    void badArgumentsOrNoMasterExitWithUsage() throws Exception {
        Path jar = Files.writeString(dir.resolve("examples.jar"), "a jar");
        Map<String, String> env = Map.of("DROVER_MASTER_URL", "http://127.0.0.1:1", "DROVER_APP_RESOURCE", jar.toString());

        assertThat(run(env, "0")).isEqualTo(2);
        assertThat(run(env, "8", "many")).isEqualTo(2);
        assertThat(run(env, "1", "2", "3", "4")).isEqualTo(2);
        assertThat(run(Map.of("DROVER_APP_RESOURCE", jar.toString()))).isEqualTo(2);
        assertThat(run(Map.of("DROVER_MASTER_URL", "http://127.0.0.1:1", "DROVER_APP_RESOURCE", dir.resolve("none.jar").toString())))
                .isEqualTo(2);

        assertThat(text(err)).contains("partitions must be a number from 1 to 100000, not '0'")
                .contains("samplesPerPartition must be a number")
                .contains("DROVER_MASTER_URL is not set")
                .contains("cannot find the examples jar")
                .contains("usage: PiDriver");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void defaultsWithoutArguments() {
        PiDriver.Settings settings = PiDriver.parse(new String[0]);

        assertThat(settings).isEqualTo(new PiDriver.Settings(8, 2_000_000, 4));
    }

    private Map<String, String> env(FakePiMaster master, Path jar) {
        return Map.of("DROVER_MASTER_URL", master.url(), "DROVER_DRIVER_ID", DRIVER_ID,
                "DROVER_APP_RESOURCE", jar.toString(), "DROVER_HOSTNAME", "127.0.0.1");
    }

    private int run(Map<String, String> env, String... args) {
        return PiDriver.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Duration.ofSeconds(60));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
