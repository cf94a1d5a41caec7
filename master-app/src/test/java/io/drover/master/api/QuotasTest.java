package io.drover.master.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.master.MasterApplication;
import io.drover.master.SubmitTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Per-principal caps on waiting and running work (issue 10: 300 queued drivers with large arguments from one
 * submit token exhausted the master's heap). No worker is registered, so everything submitted waits.
 */
class QuotasTest {

    private static final String SECRET = "quotas-test-cluster-secret";
    private static final String ALICE = SubmitTokens.ALICE;
    private static final String BOB = SubmitTokens.BOB;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ConfigurableApplicationContext master;
    private String base;

    private void start(String... quotas) {
        master = MasterApplication.builder().run(SubmitTokens.masterArgs(SECRET, quotas));
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) master).getWebServer().getPort();
    }

    @AfterEach
    void stop() {
        master.close();
    }

    private HttpResponse<String> post(String path, String token, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> submitDriver(String token, String argument) throws Exception {
        return post("/api/v1/drivers", token, "{\"name\":\"queued\",\"command\":{\"executable\":\"/bin/echo\","
                + "\"arguments\":[\"" + argument + "\"]},\"cores\":1,\"memoryMb\":64}");
    }

    private HttpResponse<String> registerApplication(String token) throws Exception {
        return post("/api/v1/applications", token,
                "{\"name\":\"app\",\"executorCommand\":{\"executable\":\"/bin/true\"}}");
    }

    private String drivers() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/drivers"))
                .header("Authorization", "Bearer " + SECRET).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aPrincipalPastItsDriverQuotaGets429NamingTheLimitAndNothingChanges() throws Exception {
        start("--drover.master.quotas.max-drivers=3");
        for (int i = 0; i < 3; i++) {
            assertThat(submitDriver(ALICE, "x").statusCode()).isEqualTo(201);
        }
        String before = drivers();

        HttpResponse<String> refused = submitDriver(ALICE, "x");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("drover.master.quotas.max-drivers").contains("alice");
        assertThat(drivers()).isEqualTo(before);
        assertThat(submitDriver(BOB, "x").statusCode()).as("another principal's quota is its own").isEqualTo(201);
    }

    @Test
    void endingWorkGivesTheQuotaBack() throws Exception {
        start("--drover.master.quotas.max-drivers=1");
        String driverId = submitDriver(ALICE, "x").body().replaceAll(".*\"driverId\":\"([^\"]+)\".*", "$1");
        assertThat(submitDriver(ALICE, "x").statusCode()).isEqualTo(429);

        assertThat(post("/api/v1/drivers/" + driverId + "/kill", ALICE, "").statusCode()).isEqualTo(202);

        assertThat(submitDriver(ALICE, "x").statusCode()).isEqualTo(201);
    }

    @Test
    void largeRequestsAreCappedByTheirTotalSize() throws Exception {
        start("--drover.master.quotas.max-bytes=300KB");
        String large = "a".repeat(100_000);
        for (int i = 0; i < 3; i++) {
            assertThat(submitDriver(ALICE, large).statusCode()).isEqualTo(201);
        }

        HttpResponse<String> refused = submitDriver(ALICE, large);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("drover.master.quotas.max-bytes");
        assertThat(submitDriver(ALICE, "small").statusCode()).as("a small one still fits").isEqualTo(201);
    }

    @Test
    void applicationsHaveTheirOwnQuota() throws Exception {
        start("--drover.master.quotas.max-applications=2");
        assertThat(registerApplication(ALICE).statusCode()).isEqualTo(201);
        assertThat(registerApplication(ALICE).statusCode()).isEqualTo(201);

        HttpResponse<String> refused = registerApplication(ALICE);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("drover.master.quotas.max-applications");
        assertThat(submitDriver(ALICE, "x").statusCode()).as("drivers are counted apart").isEqualTo(201);
    }

    @Test
    void concurrentSubmissionsCannotSlipPastTheQuota() throws Exception {
        start("--drover.master.quotas.max-drivers=5");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(() -> submitDriver(ALICE, "x").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }

            assertThat(statuses).filteredOn(s -> s == 201).hasSize(5);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(35);
        } finally {
            pool.shutdownNow();
        }
    }
}
