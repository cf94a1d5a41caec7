package io.drover.master.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.master.MasterApplication;
import io.drover.master.SubmitTokens;
import io.drover.server.security.ClusterSecret;
import io.drover.server.security.DriverTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A driver's own token (issue 10) acts only on its driver and the applications that name it, names only its
 * own driver, submits no drivers, and stops working once its driver has ended. No worker is registered, so
 * every driver waits until it is killed.
 */
class DriverTokensTest {

    private static final String SECRET = "driver-tokens-test-secret";
    private static final String ALICE = SubmitTokens.ALICE;
    private static final String BOB = SubmitTokens.BOB;
    private static final DriverTokens TOKENS = new DriverTokens(ClusterSecret.of(SECRET));
    private static final String DRIVER = """
            {"name":"waits","command":{"executable":"/bin/true"},"cores":1,"memoryMb":64}""";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext master;
    private static String base;

    @BeforeAll
    static void start() {
        master = MasterApplication.builder().run(SubmitTokens.masterArgs(SECRET));
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) master).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        master.close();
    }

    private static HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization",
                "Bearer " + token).method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String submitAs(String token) throws Exception {
        HttpResponse<String> response = call("POST", "/api/v1/drivers", token, DRIVER);
        assertThat(response.statusCode()).isEqualTo(201);
        return response.body().replaceAll(".*\"driverId\":\"([^\"]+)\".*", "$1");
    }

    private static HttpResponse<String> registerApplication(String token, String driverId) throws Exception {
        return call("POST", "/api/v1/applications", token, "{\"name\":\"app\",\"executorCommand\":"
                + "{\"executable\":\"/bin/true\"},\"driverId\":\"" + driverId + "\"}");
    }

    @Test
    void aDriversTokenKillsItsOwnDriverButNotAnother() throws Exception {
        String own = submitAs(ALICE);
        String other = submitAs(ALICE);

        HttpResponse<String> foreign = call("POST", "/api/v1/drivers/" + other + "/kill", TOKENS.issue(own), null);
        HttpResponse<String> itself = call("POST", "/api/v1/drivers/" + own + "/kill", TOKENS.issue(own), null);

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("driver/" + own);
        assertThat(call("GET", "/api/v1/drivers/" + other, ALICE, null).body()).contains("\"state\":\"SUBMITTED\"");
        assertThat(itself.statusCode()).isEqualTo(202);
    }

    @Test
    void aDriversTokenStopsWorkingOnceItsDriverHasEnded() throws Exception {
        String driverId = submitAs(ALICE);
        String token = TOKENS.issue(driverId);
        assertThat(call("GET", "/api/v1/cluster", token, null).statusCode()).isEqualTo(200);

        assertThat(call("POST", "/api/v1/drivers/" + driverId + "/kill", ALICE, null).statusCode()).isEqualTo(202);

        HttpResponse<String> after = call("GET", "/api/v1/cluster", token, null);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(registerApplication(token, driverId).statusCode()).isEqualTo(401);
    }

    @Test
    void aDriversTokenSubmitsNoDrivers() throws Exception {
        String driverId = submitAs(ALICE);
        String before = call("GET", "/api/v1/drivers", ALICE, null).body();

        HttpResponse<String> refused = call("POST", "/api/v1/drivers", TOKENS.issue(driverId), DRIVER);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("driver's own token");
        assertThat(call("GET", "/api/v1/drivers", ALICE, null).body()).isEqualTo(before);
    }

    @Test
    void anApplicationMayNameOnlyADriverItsCallerSubmitted() throws Exception {
        String alices = submitAs(ALICE);
        String before = call("GET", "/api/v1/applications", ALICE, null).body();

        HttpResponse<String> bobs = registerApplication(BOB, alices);

        assertThat(bobs.statusCode()).isEqualTo(403);
        assertThat(bobs.body()).contains("driverId").contains("'alice'");
        assertThat(call("GET", "/api/v1/applications", ALICE, null).body()).isEqualTo(before);
        assertThat(registerApplication(ALICE, alices).statusCode()).isEqualTo(201);
    }

    @Test
    void aDriversTokenNamesOnlyItsOwnDriver() throws Exception {
        String own = submitAs(ALICE);
        String other = submitAs(ALICE);

        assertThat(registerApplication(TOKENS.issue(own), other).statusCode()).isEqualTo(403);
        assertThat(registerApplication(TOKENS.issue(own), own).statusCode()).isEqualTo(201);
    }
}
