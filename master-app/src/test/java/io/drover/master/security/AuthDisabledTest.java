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
}
