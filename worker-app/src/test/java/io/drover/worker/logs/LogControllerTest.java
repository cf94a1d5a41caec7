package io.drover.worker.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.worker.TestWorker;
import io.drover.worker.TestWorker.RawResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log endpoint over real HTTP: byte ranges, and every way of reaching outside the work directory. */
class LogControllerTest {

    private static final String DRIVER = "driver-20260101000000-0001";
    private static final String LINKED = "driver-20260101000000-0002";
    private static final String LOG = "/api/v1/logs/drivers/";
    private static final String APP = "app-20260101000000-0001";
    private static final String EXECUTOR_LOG = "/api/v1/logs/" + APP + "/";

    @TempDir
    static Path tmp;

    private static TestWorker worker;

    @BeforeAll
    static void start() throws IOException {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(Files.createDirectories(work.resolve(DRIVER)).resolve("stdout"), "0123456789abcdefghij");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("stdout"), "secret");
        Files.createSymbolicLink(work.resolve(LINKED), outside);
        Files.writeString(Files.createDirectories(work.resolve(APP).resolve("0")).resolve("stdout"), "executor output");
        Files.writeString(Files.createDirectories(work.resolve(APP).resolve("local")).resolve("stdout"), "scratch");
        Files.createSymbolicLink(work.resolve(APP).resolve("1"), outside);
        worker = TestWorker.start(work, "http://127.0.0.1:1");
    }

    @AfterAll
    static void stop() {
        worker.close();
    }

    private static RawResponse rawGet(String path) throws IOException {
        return worker.rawGet(path);
    }

    private static void isRefusedAsProblem(RawResponse response) {
        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.headers()).contains("content-type: application/problem+json");
        assertThat(response.body()).doesNotContain("secret").doesNotContain("root:");
    }

    @Test
    void aByteRangeIsServedWithItsOffsetAndTheFileLength() throws Exception {
        HttpResponse<String> response = worker.get(LOG + DRIVER + "/stdout?offset=10&length=5");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("abcde");
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain;charset=UTF-8");
        assertThat(response.headers().firstValue("Drover-Log-Offset")).contains("10");
        assertThat(response.headers().firstValue("Drover-Log-File-Length")).contains("20");
    }

    @Test
    void theWholeSmallFileIsServedByDefault() throws Exception {
        assertThat(worker.get(LOG + DRIVER + "/stdout").body()).isEqualTo("0123456789abcdefghij");
    }

    @Test
    void aNegativeOffsetServesTheTail() throws Exception {
        HttpResponse<String> response = worker.get(LOG + DRIVER + "/stdout?offset=-4");

        assertThat(response.body()).isEqualTo("ghij");
        assertThat(response.headers().firstValue("Drover-Log-Offset")).contains("16");
    }

    @Test
    void anOffsetPastTheEndServesNothing() throws Exception {
        HttpResponse<String> response = worker.get(LOG + DRIVER + "/stdout?offset=100");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Drover-Log-Offset")).contains("20");
    }

    @Test
    void aNegativeLengthIsABadRequest() throws IOException {
        RawResponse response = rawGet(LOG + DRIVER + "/stdout?length=-1");

        isRefusedAsProblem(response);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("length");
    }

    @Test
    void aNonNumericOffsetIsABadRequest() throws IOException {
        RawResponse response = rawGet(LOG + DRIVER + "/stdout?offset=abc");

        isRefusedAsProblem(response);
        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void aMissingLogIsNotFound() throws IOException {
        RawResponse response = rawGet(LOG + DRIVER + "/stderr");

        isRefusedAsProblem(response);
        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void aMalformedDriverIdIsABadRequestNamingIt() throws IOException {
        RawResponse response = rawGet(LOG + "driver-1/stdout");

        isRefusedAsProblem(response);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("driverId");
    }

    @Test
    void anUnknownStreamIsABadRequest() throws IOException {
        isRefusedAsProblem(rawGet(LOG + DRIVER + "/environ"));
    }

    @Test
    void dotDotSegmentsAreRefused() throws IOException {
        isRefusedAsProblem(rawGet(LOG + "../../../../etc/passwd"));
        isRefusedAsProblem(rawGet(LOG + "../stdout"));
        isRefusedAsProblem(rawGet(LOG + DRIVER + "/../" + LINKED + "/stdout"));
    }

    @Test
    void encodedDotDotSegmentsAreRefused() throws IOException {
        isRefusedAsProblem(rawGet(LOG + "%2e%2e/stdout"));
        isRefusedAsProblem(rawGet(LOG + "%2e%2e%2f%2e%2e%2fetc/passwd"));
    }

    @Test
    void absolutePathsAreRefused() throws IOException {
        isRefusedAsProblem(rawGet(LOG + "%2Fetc%2Fpasswd/stdout"));
        isRefusedAsProblem(rawGet(LOG + "/etc/passwd/stdout"));
    }

    @Test
    void aSymlinkPointingOutsideTheWorkDirectoryIsRefused() throws IOException {
        RawResponse response = rawGet(LOG + LINKED + "/stdout");

        isRefusedAsProblem(response);
        assertThat(response.status()).isEqualTo(400);
    }

    // ---- executors

    @Test
    void anExecutorLogRangeIsServedLikeADriverLog() throws Exception {
        HttpResponse<String> response = worker.get(EXECUTOR_LOG + "0/stdout?offset=9&length=3");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("out");
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain;charset=UTF-8");
        assertThat(response.headers().firstValue("Drover-Log-Offset")).contains("9");
        assertThat(response.headers().firstValue("Drover-Log-File-Length")).contains("15");
        assertThat(worker.get(EXECUTOR_LOG + "0/stdout?offset=-6").body()).isEqualTo("output");
    }

    @Test
    void aMissingExecutorLogIsNotFound() throws IOException {
        RawResponse stderr = rawGet(EXECUTOR_LOG + "0/stderr");
        RawResponse unknown = rawGet(EXECUTOR_LOG + "7/stdout");

        isRefusedAsProblem(stderr);
        assertThat(stderr.status()).isEqualTo(404);
        isRefusedAsProblem(unknown);
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void malformedExecutorIdsAreBadRequestsNamingTheField() throws IOException {
        RawResponse badApp = rawGet("/api/v1/logs/app-1/0/stdout");
        isRefusedAsProblem(badApp);
        assertThat(badApp.status()).isEqualTo(400);
        assertThat(badApp.body()).contains("appId");
        for (String id : new String[] {"x", "-1", "local", "0x1", "99999999999"}) {
            RawResponse response = rawGet(EXECUTOR_LOG + id + "/stdout");
            isRefusedAsProblem(response);
            assertThat(response.status()).as(id).isEqualTo(400);
            assertThat(response.body()).contains("executorId");
        }
        RawResponse badStream = rawGet(EXECUTOR_LOG + "0/environ");
        isRefusedAsProblem(badStream);
        assertThat(badStream.status()).isEqualTo(400);
    }

    @Test
    void dotDotSegmentsInExecutorLogPathsAreRefused() throws IOException {
        isRefusedAsProblem(rawGet(EXECUTOR_LOG + "../../../etc/passwd"));
        isRefusedAsProblem(rawGet(EXECUTOR_LOG + "0/../../" + LINKED + "/stdout"));
        isRefusedAsProblem(rawGet("/api/v1/logs/../" + APP + "/1/stdout"));
        isRefusedAsProblem(rawGet(EXECUTOR_LOG + "%2e%2e/stdout"));
        isRefusedAsProblem(rawGet("/api/v1/logs/%2e%2e/0/stdout"));
        isRefusedAsProblem(rawGet(EXECUTOR_LOG + "%2e%2e%2f%2e%2e%2f/stdout"));
        isRefusedAsProblem(rawGet("/api/v1/logs/%2Fetc/0/stdout"));
    }

    @Test
    void anExecutorDirectoryLinkedOutsideTheWorkDirectoryIsRefused() throws IOException {
        RawResponse response = rawGet(EXECUTOR_LOG + "1/stdout");

        isRefusedAsProblem(response);
        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void theDriverRouteStillWinsForDriverLogs() throws Exception {
        assertThat(worker.get(LOG + DRIVER + "/stdout").body()).isEqualTo("0123456789abcdefghij");
    }
}
