package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.client.DroverClient;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.LogStream;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workers and the master accept each other only with the cluster secret (issue 4), on real servers. */
class SecurityOnAClusterTest {

    private static final String ADMIN_TOKEN = "security-test-admin-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String REGISTRATION = """
            {"workerId":"worker-20261122080000-127.0.0.1-9999","host":"127.0.0.1","port":9999,
             "url":"http://127.0.0.1:9999","cores":4,"memoryMb":4096}""";

    @TempDir
    static Path work;
    private static TestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(work, "--drover.auth.tokens[0].name=root",
                "--drover.auth.tokens[0].token=" + ADMIN_TOKEN, "--drover.auth.tokens[0].role=admin");
        cluster.addWorker(2, 512);
    }

    @AfterAll
    static void stop() {
        cluster.close();
        NoProcessesLeft.assertNoneLeft();
    }

    private static HttpResponse<String> register(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(cluster.masterUrl + "/internal/v1/workers"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(REGISTRATION));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean listed(String url) {
        return cluster.client.workers().stream().anyMatch(w -> w.url().equals(url));
    }

    @Test
    void aRegistrationWithoutTheSecretIsRefusedAndNoWorkerAppears() throws Exception {
        assertThat(register(null).statusCode()).isEqualTo(401);
        assertThat(register("a-guess-at-the-secret-000").statusCode()).isEqualTo(401);
        assertThat(register(ADMIN_TOKEN).statusCode()).as("even an admin's named token").isEqualTo(403);

        assertThat(listed("http://127.0.0.1:9999")).isFalse();
    }

    @Test
    void aWorkerWithTheWrongSecretNeverJoins() {
        String url = cluster.startWorker(2, 512, "--drover.auth.secret=not-this-clusters-secret");

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> !listed(url));
    }

    @Test
    void aDriverTalksToTheMasterWithItsOwnTokenAndNotTheSecret() {
        String script = "env | grep -c DROVER_AUTH_SECRET; "
                + "curl -s -o /dev/null -w '%{http_code}' -H \"Authorization: Bearer $DROVER_AUTH_TOKEN\" "
                + "\"$DROVER_MASTER_URL/api/v1/cluster\"";
        String driverId = cluster.client.submitDriver(new SubmitDriverRequest("token-check", null,
                CommandSpec.executable("/bin/sh", List.of("-c", script)), 1, 64L, false));

        DriverView ended = await().atMost(Duration.ofSeconds(30)).until(() -> cluster.client.driver(driverId),
                d -> d.state().isTerminal());

        assertThat(ended.submittedBy()).isEqualTo("cluster");
        assertThat(cluster.client.driverLog(driverId, LogStream.STDOUT, 0L, 100L)).isEqualTo("0\n200");
    }

    @Test
    void aClientWithoutATokenIsRefused() {
        DroverClient anonymous = DroverClient.create(cluster.masterUrl);

        assertThat(ApiErrors.statusOf(anonymous::cluster)).hasValueSatisfying(
                problem -> assertThat(problem.status()).isEqualTo(401));
    }
}
