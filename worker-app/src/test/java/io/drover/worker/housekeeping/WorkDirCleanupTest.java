package io.drover.worker.housekeeping;

import static io.drover.worker.RegisteredWorker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import io.drover.worker.FakeMaster;
import io.drover.worker.RegisteredWorker;
import io.drover.worker.TestWorker;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark's worker cleanup on a real worker with real children, at a short interval and TTL: ended runs'
 * directories go, running ones and everything else stay.
 */
class WorkDirCleanupTest {

    private static final AtomicInteger NEXT_ID = new AtomicInteger(1);
    private static final Duration TTL = Duration.ofSeconds(2);

    @TempDir
    static Path work;
    @TempDir
    static Path outside;

    private static RegisteredWorker registered;
    private static FakeMaster master;
    private static TestWorker worker;

    @BeforeAll
    static void start() throws Exception {
        registered = RegisteredWorker.start(work, "drover.worker.cleanup.enabled=true",
                "drover.worker.cleanup.interval=200ms", "drover.worker.cleanup.app-data-ttl=" + TTL.toMillis() + "ms");
        master = registered.master;
        worker = registered.worker;
    }

    @AfterAll
    static void stop() {
        registered.close();
    }

    private static String newId(String kind) {
        return String.format("%s-20260101000000-%04d", kind, NEXT_ID.getAndIncrement());
    }

    private static void launchDriver(String driverId, String script) throws Exception {
        HttpResponse<String> response = worker.postJson("/internal/v1/drivers", """
                {"masterUrl": "%s", "epoch": 7, "driverId": "%s",
                 "description": {"name": "test", "command": {"executable": "/bin/sh", "arguments": ["-c", "%s"]},
                                 "cores": 1, "memoryMb": 64, "supervise": false}}
                """.formatted(master.url(), driverId, script));
        assertThat(response.statusCode()).isEqualTo(202);
    }

    private static void launchExecutor(String appId, String script) throws Exception {
        HttpResponse<String> response = worker.postJson("/internal/v1/executors", """
                {"masterUrl": "%s", "epoch": 7, "appId": "%s", "executorId": 0,
                 "description": {"appName": "test", "command": {"executable": "/bin/sh", "arguments": ["-c", "%s"]},
                                 "cores": 1, "memoryMb": 64, "driverUrl": "http://driver:4040"}}
                """.formatted(master.url(), appId, script));
        assertThat(response.statusCode()).isEqualTo(202);
    }

    @Test
    void aFinishedApplicationsDirectoriesAreDeletedOnceOlderThanTheTtl() throws Exception {
        String app = newId("app");
        launchExecutor(app, "echo done");
        await().atMost(WAIT).until(() -> master.executorStates(app, 0).contains(ExecutorState.EXITED));
        worker.postJson("/internal/v1/applications/" + app + "/finished", "{\"masterUrl\": \"" + master.url()
                + "\", \"epoch\": 7}");

        await().atMost(WAIT).until(() -> !Files.exists(work.resolve(app)));
    }

    @Test
    void aFinishedDriversDirectoryIsDeletedAndItsLogAnswersNotFound() throws Exception {
        String driver = newId("driver");
        launchDriver(driver, "echo hello");
        await().atMost(WAIT).until(() -> master.reports.stream()
                .anyMatch(r -> r.driverId().equals(driver) && r.state() == DriverState.FINISHED));

        await().atMost(WAIT).until(() -> !Files.exists(work.resolve(driver)));
        HttpResponse<String> log = worker.get("/api/v1/logs/drivers/" + driver + "/stdout");
        assertThat(log.statusCode()).isEqualTo(404);
        assertThat(log.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aRunningDriversDirectoryIsKeptHoweverOld() throws Exception {
        String driver = newId("driver");
        launchDriver(driver, "sleep 30");
        await().atMost(WAIT).until(() -> Files.exists(work.resolve(driver).resolve("stderr")));
        ageTree(work.resolve(driver));

        // several cleanup passes see an untouched directory of a running driver
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> Files.exists(work.resolve(driver)));
        worker.postJson("/internal/v1/drivers/" + driver + "/kill",
                "{\"masterUrl\": \"" + master.url() + "\", \"epoch\": 7}");
    }

    @Test
    void aDirectoryWrittenToWithinTheTtlIsKept() throws Exception {
        String driver = newId("driver");
        Path dir = Files.createDirectories(work.resolve(driver));
        ageTree(dir);
        Files.writeString(dir.resolve("stdout"), "fresh");

        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> Files.exists(dir.resolve("stdout")));
    }

    @Test
    void aLinkInsideAnEndedRunIsDeletedButNotWhatItPointsTo() throws Exception {
        Path precious = Files.writeString(outside.resolve("precious"), "keep me");
        String app = newId("app");
        Path dir = Files.createDirectories(work.resolve(app).resolve("0"));
        Files.createSymbolicLink(dir.resolve("stdout"), precious);
        Files.createSymbolicLink(work.resolve(app).resolve("elsewhere"), outside);
        ageTree(work.resolve(app));

        await().atMost(WAIT).until(() -> !Files.exists(work.resolve(app)));
        assertThat(precious).hasContent("keep me");
    }

    @Test
    void onlyIdNamedDirectoriesDirectlyInTheWorkDirectoryAreCleanedUp() throws Exception {
        Path other = Files.createDirectories(work.resolve("not-a-run"));
        Path linked = work.resolve(newId("driver"));
        Files.createSymbolicLink(linked, outside);
        Files.writeString(outside.resolve("stdout"), "outside");
        ageTree(other);
        Files.setLastModifiedTime(outside.resolve("stdout"), old());
        Files.setLastModifiedTime(outside, old());

        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> Files.exists(other)
                && Files.isSymbolicLink(linked) && Files.exists(outside.resolve("stdout")));
    }

    /** Issue 13: the app resource cache is no run; a round drops the entries no run links any more. */
    @Test
    void aCachedAppResourceNoRunLinksIsDeletedAndTheCacheStays() throws Exception {
        Path cache = Files.createDirectories(work.resolve(".resource-cache"));
        Path unlinked = Files.writeString(cache.resolve("a".repeat(64)), "a jar no run has");
        Path linked = Files.writeString(cache.resolve("b".repeat(64)), "a jar a run has");
        Files.createLink(Files.createDirectories(work.resolve("kept-run")).resolve("app.jar"), linked);
        ageTree(cache);

        await().atMost(WAIT).until(() -> !Files.exists(unlinked));
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> Files.exists(linked));
        assertThat(cache).isDirectory();
    }

    private static FileTime old() {
        return FileTime.from(Instant.now().minus(TTL.multipliedBy(10)));
    }

    /** Makes everything in the tree look last written long before the TTL (links themselves are left). */
    private static void ageTree(Path root) throws Exception {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!Files.isSymbolicLink(path)) {
                    Files.setLastModifiedTime(path, old());
                }
            }
        }
    }
}
