package io.drover.worker.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.api.WorkerStatus;
import io.drover.worker.FakeMaster;
import io.drover.worker.TestWorker;
import io.drover.worker.TestWorker.RawResponse;
import io.drover.worker.registration.MasterLink;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log viewer pages over real HTTP: the shell each renders and the API URL it hands its script, a huge
 * log opened through one small range, and every way of reaching outside the work directory refused.
 */
class LogPageTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Ended long ago: the worker no longer remembers them, only their logs are on disk. */
    private static final String OLD_DRIVER = "driver-20260101000000-0001";
    private static final String BIG_DRIVER = "driver-20260101000000-0002";
    private static final String LINKED = "driver-20260101000000-0003";
    private static final String RUNNING_DRIVER = "driver-20260101000000-0004";
    private static final String APP = "app-20260101000000-0001";
    private static final long BIG = 100L * 1024 * 1024;
    private static final String SCRIPT = "<script>alert(1)</script>";
    /** What lies outside the work directory; no answer may ever carry it. */
    private static final String SECRET = "content-outside-the-work-directory";

    @TempDir
    static Path tmp;

    private static FakeMaster master;
    private static TestWorker worker;

    @BeforeAll
    static void start() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path oldDriver = Files.createDirectories(work.resolve(OLD_DRIVER));
        Files.writeString(oldDriver.resolve("stdout"), "driver output " + SCRIPT);
        Files.writeString(oldDriver.resolve("stderr"), "driver errors");
        writeBigLog(Files.createDirectories(work.resolve(BIG_DRIVER)).resolve("stdout"));
        Files.writeString(Files.createDirectories(work.resolve(APP).resolve("0")).resolve("stdout"), "executor output");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("stdout"), SECRET);
        Files.createSymbolicLink(work.resolve(LINKED), outside);
        Files.createSymbolicLink(work.resolve(APP).resolve("1"), outside);

        master = new FakeMaster();
        worker = TestWorker.start(work, master.url());
        await().atMost(WAIT).until(() -> worker.bean(MasterLink.class).isRegistered());
        worker.postJson("/internal/v1/drivers", """
                {"masterUrl": "%s", "epoch": 7, "driverId": "%s",
                 "description": {"name": "%s", "command": {"executable": "/bin/sleep", "arguments": ["300"]},
                                 "cores": 1, "memoryMb": 64, "supervise": false}}
                """.formatted(master.url(), RUNNING_DRIVER, SCRIPT));
        JsonMapper json = JsonMapper.builder().build();
        await().atMost(WAIT).until(() -> json.readValue(worker.get("/api/v1/worker").body(), WorkerStatus.class)
                .runningDrivers().stream().anyMatch(d -> d.pid() != null));
    }

    /** 100 MiB, sparse but for its last 80 KiB of numbered ASCII lines, so only the tail costs disk. */
    private static void writeBigLog(Path file) throws IOException {
        StringBuilder tail = new StringBuilder();
        for (int line = 0; tail.length() < 80 * 1024; line++) {
            tail.append("line ").append(line).append(" of the tail\n");
        }
        byte[] bytes = tail.append("THE END\n").toString().getBytes(StandardCharsets.US_ASCII);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(BIG);
            out.seek(BIG - bytes.length);
            out.write(bytes);
        }
    }

    @AfterAll
    static void stop() {
        worker.close();
        master.close();
    }

    private static String page(String path) throws Exception {
        HttpResponse<String> page = worker.get(path, "Accept", "text/html");
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        return page.body();
    }

    private static String attribute(String page, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(page);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    @Test
    void aDriverLogPageIsAShellThatPointsItsScriptAtTheApi() throws Exception {
        String page = page("/logs/" + OLD_DRIVER + "/stdout");

        assertThat(attribute(page, "data-log-api")).isEqualTo("/api/v1/logs/drivers/" + OLD_DRIVER + "/stdout");
        assertThat(attribute(page, "data-chunk-bytes")).isEqualTo("65536");
        assertThat(attribute(page, "data-follow")).isEqualTo("false");
        assertThat(page).contains("<title>stdout of driver " + OLD_DRIVER + " · Drover</title>")
                .contains("<script src=\"/drover/js/logs.js\" defer></script>")
                .contains("<a href=\"/logs/" + OLD_DRIVER + "/stdout\" aria-current=\"page\">stdout</a>")
                .contains("<a href=\"/logs/" + OLD_DRIVER + "/stderr\">stderr</a>")
                .contains("no longer tracked by this worker")
                .contains("<pre class=\"log\" data-log-text")
                .doesNotContain("driver output"); // the text comes through the API, never in the page
    }

    @Test
    void anExecutorLogPageIsAShellThatPointsItsScriptAtTheApi() throws Exception {
        String page = page("/logs/" + APP + "/0/stdout");

        assertThat(attribute(page, "data-log-api")).isEqualTo("/api/v1/logs/" + APP + "/0/stdout");
        assertThat(page).contains("stdout of executor " + APP + "/0")
                .contains("<a href=\"/logs/" + APP + "/0/stderr\">stderr</a>")
                .doesNotContain("executor output");
    }

    @Test
    void aRunningDriversPageFollowsItsLogAndEscapesItsName() throws Exception {
        String page = page("/logs/" + RUNNING_DRIVER + "/stderr");

        assertThat(attribute(page, "data-log-api")).isEqualTo("/api/v1/logs/drivers/" + RUNNING_DRIVER + "/stderr");
        assertThat(attribute(page, "data-follow")).isEqualTo("true");
        assertThat(page).contains("state state-RUNNING")
                .contains("<a href=\"/logs/" + RUNNING_DRIVER + "/stderr\" aria-current=\"page\">stderr</a>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(SCRIPT);
    }

    @Test
    void aHundredMegabyteLogOpensThroughOneSmallRangeAtItsEnd() throws Exception {
        String page = page("/logs/" + BIG_DRIVER + "/stdout");
        assertThat(page.length()).isLessThan(16 * 1024);
        assertThat(page).doesNotContain("of the tail");

        // The script's first request: the last chunk, as the page tells it.
        long chunk = Long.parseLong(attribute(page, "data-chunk-bytes"));
        HttpResponse<String> first = worker.get(attribute(page, "data-log-api") + "?offset=-" + chunk + "&length=" + chunk);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValueAsLong("Content-Length")).hasValue(chunk);
        assertThat(first.headers().firstValue("Drover-Log-Offset")).hasValue(Long.toString(BIG - chunk));
        assertThat(first.headers().firstValue("Drover-Log-File-Length")).hasValue(Long.toString(BIG));
        assertThat(first.body()).hasSize((int) chunk).endsWith(" of the tail\nTHE END\n").doesNotContain("\0");
    }

    @Test
    void unknownIdsAreNotFoundAsAnHtmlPage() throws Exception {
        for (String path : new String[] {"/logs/driver-20260101000000-0999/stdout", "/logs/" + APP + "/7/stdout",
                "/logs/app-20260101000000-0999/0/stderr"}) {
            RawResponse response = worker.rawGet(path, "Accept", "text/html");

            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.contentType()).as(path).startsWith("text/html");
            assertThat(response.body()).contains("404 Not Found").contains("is unknown on this worker");
        }
    }

    @Test
    void malformedIdsAndStreamsAreBadRequestsAsAnHtmlPage() throws Exception {
        assertBadRequestPage("/logs/driver-1/stdout", "driverId");
        assertBadRequestPage("/logs/" + OLD_DRIVER + "/environ", "stream");
        assertBadRequestPage("/logs/app-1/0/stdout", "appId");
        assertBadRequestPage("/logs/" + APP + "/x/stdout", "executorId");
        assertBadRequestPage("/logs/" + APP + "/-1/stdout", "executorId");
        assertBadRequestPage("/logs/" + APP + "/0/stdin", "stream");
    }

    private static void assertBadRequestPage(String path, String naming) throws IOException {
        RawResponse response = worker.rawGet(path, "Accept", "text/html");

        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.contentType()).as(path).startsWith("text/html");
        assertThat(response.body()).as(path).contains("400 Bad Request").contains(naming);
    }

    @Test
    void symlinksOutOfTheWorkDirectoryAreRefused() throws Exception {
        for (String path : new String[] {"/logs/" + LINKED + "/stdout", "/logs/" + APP + "/1/stdout"}) {
            RawResponse response = worker.rawGet(path, "Accept", "text/html");

            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.contentType()).as(path).startsWith("text/html");
            assertThat(response.body()).as(path).contains("leaves the work directory").doesNotContain(SECRET);
        }
    }

    @Test
    void traversalAttemptsAreRefusedWithoutAServerError() throws Exception {
        String[] attempts = {
            "/logs/../../../../etc/passwd", "/logs/../etc/passwd/stdout", "/logs/%2e%2e/stdout",
            "/logs/%2e%2e/%2e%2e/etc/passwd", "/logs/%2e%2e%2f%2e%2e%2fetc%2fpasswd/stdout",
            "/logs/%2Fetc%2Fpasswd/stdout", "/logs//etc/passwd/stdout", "/logs/" + OLD_DRIVER + "/..%2f..%2fetc%2fpasswd",
            "/logs/" + OLD_DRIVER + "/%2e%2e", "/logs/" + APP + "/%2e%2e/stdout", "/logs/" + APP + "/0/..%2fstdout",
            "/logs/" + APP + "/0/%2e%2e%2f%2e%2e%2f" + LINKED + "%2fstdout", "/logs/" + LINKED + "%2f..%2f..%2foutside%2fstdout/stdout",
            "/logs/" + OLD_DRIVER + "/../../" + LINKED + "/stdout", "/logs/%252e%252e/stdout"};
        for (String path : attempts) {
            for (String accept : new String[] {"text/html", "application/json"}) {
                RawResponse response = worker.rawGet(path, "Accept", accept);

                assertThat(response.status()).as(path + " " + accept).isBetween(400, 499);
                assertThat(response.body()).as(path).doesNotContain(SECRET).doesNotContain("root:");
            }
        }
    }

    @Test
    void aClientThatTakesNoHtmlGetsTheRefusalAsProblemJson() throws Exception {
        RawResponse response = worker.rawGet("/logs/driver-20260101000000-0999/stdout", "Accept", "application/json");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"detail\":\"driver driver-20260101000000-0999 is unknown on this worker\"");
    }

    @Test
    void aBrowserOrCurlGetsTheRefusalAsHtml() throws Exception {
        for (String accept : new String[] {"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "*/*"}) {
            RawResponse response = worker.rawGet("/logs/driver-1/stdout", "Accept", accept);

            assertThat(response.status()).as(accept).isEqualTo(400);
            assertThat(response.contentType()).as(accept).startsWith("text/html");
        }
        RawResponse noAccept = worker.rawGet("/logs/driver-1/stdout");
        assertThat(noAccept.status()).isEqualTo(400);
        assertThat(noAccept.contentType()).startsWith("text/html");
    }
}
