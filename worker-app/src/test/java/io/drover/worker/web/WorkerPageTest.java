package io.drover.worker.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.api.WorkerStatus;
import io.drover.worker.FakeMaster;
import io.drover.worker.RegisteredWorker;
import io.drover.worker.TestWorker;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's overview page over real HTTP, with real child processes running and ended. */
class WorkerPageTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String RUNNING_DRIVER = "driver-20260101000000-0001";
    private static final String ENDED_DRIVER = "driver-20260101000000-0002";
    private static final String APP = "app-20260101000000-0001";
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

    @TempDir
    Path work;

    private RegisteredWorker registered;
    private FakeMaster master;
    private TestWorker worker;

    @BeforeEach
    void start() throws Exception {
        registered = RegisteredWorker.start(work);
        master = registered.master;
        worker = registered.worker;
    }

    @AfterEach
    void stop() {
        registered.close();
    }

    private WorkerStatus status() throws Exception {
        return registered.status();
    }

    private void launchDriver(String driverId, String name, int cores) throws Exception {
        worker.postJson("/internal/v1/drivers", """
                {"masterUrl": "%s", "epoch": 7, "driverId": "%s",
                 "description": {"name": "%s", "command": {"executable": "/bin/sleep", "arguments": ["300"]},
                                 "cores": %d, "memoryMb": 64, "supervise": false}}
                """.formatted(master.url(), driverId, name, cores));
    }

    private void launchExecutor(int executorId, String appName) throws Exception {
        worker.postJson("/internal/v1/executors", """
                {"masterUrl": "%s", "epoch": 7, "appId": "%s", "executorId": %d,
                 "description": {"appName": "%s", "command": {"executable": "/bin/sleep", "arguments": ["300"]},
                                 "cores": 1, "memoryMb": 512}}
                """.formatted(master.url(), APP, executorId, appName));
    }

    private void kill(String path) throws Exception {
        worker.postJson(path, "{\"masterUrl\": \"" + master.url() + "\", \"epoch\": 7}");
    }

    private String page() throws Exception {
        HttpResponse<String> page = worker.get("/", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        return page.body();
    }

    @Test
    void theSummaryShowsIdentityMasterAndResources() throws Exception {
        launchDriver(RUNNING_DRIVER, "sleeper", 3);
        await().atMost(WAIT).until(() -> status().coresUsed() == 3);

        String page = page();

        assertThat(page).contains("Drover worker " + status().workerId())
                .contains("href=\"" + worker.url + "\"")
                .contains("href=\"" + master.url() + "\"").contains("epoch 7").contains("CONNECTED")
                .contains("4 total, 3 used").contains("4.0 GiB total, 64 MiB used")
                .contains(work.toAbsolutePath().toString())
                .contains("<link rel=\"stylesheet\" href=\"/drover/css/drover.css\">");
    }

    @Test
    void runningAndFinishedExecutorsAndDriversAreListedWithLinksToTheirLogPages() throws Exception {
        launchExecutor(0, "wordcount");
        launchExecutor(1, "wordcount");
        launchDriver(RUNNING_DRIVER, "sleeper", 1);
        launchDriver(ENDED_DRIVER, "short", 1);
        await().atMost(WAIT).until(() -> status().runningExecutors().size() == 2 && status().runningDrivers().size() == 2);
        kill("/internal/v1/executors/" + APP + "/1/kill");
        kill("/internal/v1/drivers/" + ENDED_DRIVER + "/kill");
        await().atMost(WAIT).until(() -> status().finishedExecutors().size() == 1 && status().finishedDrivers().size() == 1);

        String page = page();

        assertThat(page).contains("Running Executors (1)").contains("Finished Executors (1)")
                .contains("Running Drivers (1)").contains("Finished Drivers (1)")
                .contains("href=\"/logs/" + APP + "/0/stdout\"").contains("href=\"/logs/" + APP + "/0/stderr\"")
                .contains("href=\"/logs/" + APP + "/1/stdout\"").contains("href=\"/logs/" + APP + "/1/stderr\"")
                .contains("href=\"/logs/" + RUNNING_DRIVER + "/stdout\"")
                .contains("href=\"/logs/" + ENDED_DRIVER + "/stderr\"")
                .contains("wordcount").contains("sleeper").contains("512 MiB")
                .contains("class=\"state state-RUNNING\"").contains("class=\"state state-KILLED\"")
                .doesNotContain("/api/v1/logs/");
        assertThat(section(page, "Finished Executors", "Finished Drivers")).contains(APP + "</span>")
                .contains("<time datetime=").contains(" UTC</time>");
        assertThat(section(page, "Running Drivers", "Finished Executors")).contains(RUNNING_DRIVER)
                .doesNotContain(ENDED_DRIVER);
        assertThat(section(page, "Finished Drivers", "</main>")).contains(ENDED_DRIVER);
    }

    @Test
    void namesAreEscaped() throws Exception {
        launchDriver(RUNNING_DRIVER, SCRIPT, 1);
        launchExecutor(0, "<b>bold</b>");
        await().atMost(WAIT).until(() -> status().runningExecutors().size() == 1 && status().runningDrivers().size() == 1);

        String page = page();

        assertThat(page).contains(ESCAPED).doesNotContain(SCRIPT)
                .contains("&lt;b&gt;bold&lt;/b&gt;").doesNotContain("<b>bold");
    }

    @Test
    void emptyTablesSaySo() throws Exception {
        String page = page();

        assertThat(page).contains("Running Executors (0)").contains("Finished Drivers (0)").contains("None.");
    }

    /** The part of the page from the heading that starts with {@code from} to the next {@code to}. */
    private static String section(String page, String from, String to) {
        int start = page.indexOf(">" + from);
        return page.substring(start, page.indexOf(to, start + from.length() + 1));
    }
}
