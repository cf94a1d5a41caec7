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
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
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
}
