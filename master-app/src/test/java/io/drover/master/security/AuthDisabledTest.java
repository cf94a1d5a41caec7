package io.drover.master.security;

import io.drover.master.TestDataDir;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.master.MasterApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code drover.auth.enabled=false}, for a trusted network: allowed, and said loudly. */
@ExtendWith(OutputCaptureExtension.class)
class AuthDisabledTest {

    private static ConfigurableApplicationContext master;
    private static String base;
    private static String startLog;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start(CapturedOutput output) {
        master = MasterApplication.builder().run("--server.port=0", TestDataDir.argument(), "--drover.auth.enabled=false");
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) master).getWebServer().getPort();
        startLog = output.getAll();
    }

    @AfterAll
    static void stop() {
        master.close();
    }

    @Test
    void theMasterWarnsAtStart() {
        assertThat(startLog).contains("AUTHENTICATION IS DISABLED");
    }

    @Test
    void callsNeedNoCredentialAndAreRecordedAsAnonymous() throws Exception {
        HttpResponse<String> submitted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/drivers"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"open\",\"command\":{\"executable\":\"/bin/true\"},\"memoryMb\":64}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(submitted.statusCode()).isEqualTo(201);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/drivers")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("\"submittedBy\":\"anonymous\"");
    }

    @Test
    void everyPageShowsTheWarning() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Authentication is disabled");
    }

    /** A request as a browser or a rebinding page would send it: its own Host and Origin, raw on the socket. */
    private static int rawPost(String path, String host, String origin, String contentType, String body)
            throws Exception {
        URI uri = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                    + (origin == null ? "" : "Origin: " + origin + "\r\n") + "Content-Type: " + contentType
                    + "\r\nContent-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    + "\r\n\r\n" + body;
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return Integer.parseInt(answer.substring(9, 12));
        }
    }

    private static String submit() throws Exception {
        HttpResponse<String> submitted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/drivers"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"waits\",\"command\":{\"executable\":\"/bin/true\"},\"memoryMb\":64}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).isEqualTo(201);
        return submitted.body().replaceAll(".*\"driverId\":\"([^\"]+)\".*", "$1");
    }

    private static String driver(String driverId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/drivers/" + driverId)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aCrossSiteFormCannotKillWork() throws Exception {
        String driverId = submit();
        String host = URI.create(base).getAuthority();

        // A form on another site may post anywhere; the API's kill takes no body and no CSRF token.
        int status = rawPost("/api/v1/drivers/" + driverId + "/kill", host, "https://evil.example",
                "application/x-www-form-urlencoded", "x=1");

        assertThat(status).isEqualTo(403);
        assertThat(driver(driverId)).contains("\"state\":\"SUBMITTED\"");
        assertThat(rawPost("/api/v1/drivers/" + driverId + "/kill", host, "http://" + host, "application/json", ""))
                .as("the server's own origin may").isEqualTo(202);
    }

    @Test
    void aDnsRebindingPageCannotSubmit() throws Exception {
        String before = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/drivers")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String rebound = "attacker.example:" + URI.create(base).getPort();

        int status = rawPost("/api/v1/drivers", rebound, "http://" + rebound, "application/json",
                "{\"name\":\"rebound\",\"command\":{\"executable\":\"/bin/true\"},\"memoryMb\":64}");

        assertThat(status).isEqualTo(403);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/drivers")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).isEqualTo(before);
        assertThat(rawPost("/api/v1/drivers", "localhost:" + URI.create(base).getPort(), null, "application/json",
                "{\"name\":\"local\",\"command\":{\"executable\":\"/bin/true\"},\"memoryMb\":64}"))
                .as("a loopback name without Origin, as curl sends it").isEqualTo(201);
    }
}
