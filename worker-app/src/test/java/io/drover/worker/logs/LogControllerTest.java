package io.drover.worker.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.worker.TestWorker;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

    /** Sends the path exactly as written: clients like java.net.http would otherwise normalize it. */
    private static RawResponse rawGet(String path) throws IOException {
        URI base = URI.create(worker.url);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestWorker.SECRET
                    + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            String headers = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase();
            return new RawResponse(status, headers, response.substring(response.indexOf("\r\n\r\n") + 4));
        }
    }

    private record RawResponse(int status, String headers, String body) {
        void isRefusedAsProblem() {
            assertThat(status).isBetween(400, 499);
            assertThat(headers).contains("content-type: application/problem+json");
            assertThat(body).doesNotContain("secret").doesNotContain("root:");
        }
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

        response.isRefusedAsProblem();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("length");
    }

    @Test
    void aNonNumericOffsetIsABadRequest() throws IOException {
        RawResponse response = rawGet(LOG + DRIVER + "/stdout?offset=abc");

        response.isRefusedAsProblem();
        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void aMissingLogIsNotFound() throws IOException {
        RawResponse response = rawGet(LOG + DRIVER + "/stderr");

        response.isRefusedAsProblem();
        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void aMalformedDriverIdIsABadRequestNamingIt() throws IOException {
        RawResponse response = rawGet(LOG + "driver-1/stdout");

        response.isRefusedAsProblem();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("driverId");
    }

    @Test
    void anUnknownStreamIsABadRequest() throws IOException {
        rawGet(LOG + DRIVER + "/environ").isRefusedAsProblem();
    }

    @Test
    void dotDotSegmentsAreRefused() throws IOException {
        rawGet(LOG + "../../../../etc/passwd").isRefusedAsProblem();
        rawGet(LOG + "../stdout").isRefusedAsProblem();
        rawGet(LOG + DRIVER + "/../" + LINKED + "/stdout").isRefusedAsProblem();
    }

    @Test
    void encodedDotDotSegmentsAreRefused() throws IOException {
        rawGet(LOG + "%2e%2e/stdout").isRefusedAsProblem();
        rawGet(LOG + "%2e%2e%2f%2e%2e%2fetc/passwd").isRefusedAsProblem();
    }

    @Test
    void absolutePathsAreRefused() throws IOException {
        rawGet(LOG + "%2Fetc%2Fpasswd/stdout").isRefusedAsProblem();
        rawGet(LOG + "/etc/passwd/stdout").isRefusedAsProblem();
    }

    @Test
    void aSymlinkPointingOutsideTheWorkDirectoryIsRefused() throws IOException {
        RawResponse response = rawGet(LOG + LINKED + "/stdout");

        response.isRefusedAsProblem();
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

        stderr.isRefusedAsProblem();
        assertThat(stderr.status()).isEqualTo(404);
        unknown.isRefusedAsProblem();
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void malformedExecutorIdsAreBadRequestsNamingTheField() throws IOException {
        RawResponse badApp = rawGet("/api/v1/logs/app-1/0/stdout");
        badApp.isRefusedAsProblem();
        assertThat(badApp.status()).isEqualTo(400);
        assertThat(badApp.body()).contains("appId");
        for (String id : new String[] {"x", "-1", "local", "0x1", "99999999999"}) {
            RawResponse response = rawGet(EXECUTOR_LOG + id + "/stdout");
            response.isRefusedAsProblem();
            assertThat(response.status()).as(id).isEqualTo(400);
            assertThat(response.body()).contains("executorId");
        }
        RawResponse badStream = rawGet(EXECUTOR_LOG + "0/environ");
        badStream.isRefusedAsProblem();
        assertThat(badStream.status()).isEqualTo(400);
    }

    @Test
    void dotDotSegmentsInExecutorLogPathsAreRefused() throws IOException {
        rawGet(EXECUTOR_LOG + "../../../etc/passwd").isRefusedAsProblem();
        rawGet(EXECUTOR_LOG + "0/../../" + LINKED + "/stdout").isRefusedAsProblem();
        rawGet("/api/v1/logs/../" + APP + "/1/stdout").isRefusedAsProblem();
        rawGet(EXECUTOR_LOG + "%2e%2e/stdout").isRefusedAsProblem();
        rawGet("/api/v1/logs/%2e%2e/0/stdout").isRefusedAsProblem();
        rawGet(EXECUTOR_LOG + "%2e%2e%2f%2e%2e%2f/stdout").isRefusedAsProblem();
        rawGet("/api/v1/logs/%2Fetc/0/stdout").isRefusedAsProblem();
    }

    @Test
    void anExecutorDirectoryLinkedOutsideTheWorkDirectoryIsRefused() throws IOException {
        RawResponse response = rawGet(EXECUTOR_LOG + "1/stdout");

        response.isRefusedAsProblem();
        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void theDriverRouteStillWinsForDriverLogs() throws Exception {
        assertThat(worker.get(LOG + DRIVER + "/stdout").body()).isEqualTo("0123456789abcdefghij");
    }
}
