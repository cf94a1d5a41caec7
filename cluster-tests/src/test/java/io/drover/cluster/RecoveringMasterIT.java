package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.client.DroverClient;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.MasterStatus;
import io.drover.protocol.state.WorkerState;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9: a master restarted after a crash waits, RECOVERING, for a worker that will never answer (it was
 * stopped while the master was down). Meanwhile it refuses changes with 503 and serves reads; once the
 * recovery timeout has passed it completes, and nothing it had acknowledged is missing.
 */
class RecoveringMasterIT {

    private static final Duration LONG = Duration.ofSeconds(90);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    final MasterProcesses masters = new MasterProcesses();
    private final Workers workers = masters.workers();
    @TempDir
    Path tmp;

    @Test
    void whileRecoveringSubmissionsGet503WithRetryAfterReadsWorkAndNothingAcknowledgedIsLost() throws Exception {
        String[] settings = {"--drover.master.data-dir=" + tmp.resolve("master-data"),
                "--drover.master.recovery-timeout=" + RECOVERY_TIMEOUT.toSeconds() + "s"};
        MasterProcess master = masters.start("master", tmp.resolve("logs"), settings);
        master.awaitStatus(MasterStatus.ALIVE, LONG);
        DroverClient client = DroverClient.builder(master.url).bearerToken(Credentials.SECRET).build();
        Workers.Worker worker = workers.start(List.of(master.url), tmp.resolve("worker"), 1, 512);
        await("worker ALIVE").atMost(LONG).until(() -> client.workers().stream()
                .anyMatch(w -> w.state() == WorkerState.ALIVE));
        GatedProcesses gated = new GatedProcesses(tmp);
        List<String> acknowledged = List.of(submit(client, gated, "running"), submit(client, gated, "queued-1"),
                submit(client, gated, "queued-2"));
        client.awaitDriver(acknowledged.get(0), s -> s == DriverState.RUNNING, LONG);

        master.kill9();
        worker.stop(); // while the master is down: nobody hears that it left
        MasterProcess restarted = masters.restart(master, tmp.resolve("logs"), settings);
        restarted.awaitStatus(MasterStatus.RECOVERING, LONG);

        HttpResponse<String> refused = post(restarted.url + "/api/v1/drivers",
                JSON.writeValueAsString(request(gated, "while-recovering")));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isPositive());
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("masterStatus").asString()).isEqualTo("RECOVERING");
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(restarted.status()).as("still recovering after the refusal").hasValue(MasterStatus.RECOVERING);
        assertThat(ids(client.drivers())).as("reads while recovering").containsAll(acknowledged);
        assertThat(client.driver(acknowledged.get(1)).state()).isEqualTo(DriverState.SUBMITTED);

        restarted.awaitStatus(MasterStatus.ALIVE, LONG);
        String after = submit(client, gated, "after-recovery");
        assertThat(ids(client.drivers())).containsAll(acknowledged).contains(after)
                .doesNotContain("while-recovering");
        assertThat(client.drivers()).extracting(DriverView::name).doesNotContain("while-recovering");
        assertThat(client.driver(acknowledged.get(0)).state()).as("its worker never came back")
                .isEqualTo(DriverState.ERROR);
        assertThat(client.driver(acknowledged.get(1)).state()).isEqualTo(DriverState.SUBMITTED);
        assertThat(client.driver(acknowledged.get(2)).state()).isEqualTo(DriverState.SUBMITTED);
        assertThat(client.workers()).extracting(w -> w.state()).containsOnly(WorkerState.DEAD);
    }

    private static SubmitDriverRequest request(GatedProcesses gated, String name) {
        return new SubmitDriverRequest(name, null, gated.driver(), 1, 64L, false);
    }

    private static String submit(DroverClient client, GatedProcesses gated, String name) {
        return client.submitDriver(request(gated, name));
    }

    private static Set<String> ids(List<DriverView> drivers) {
        return drivers.stream().map(DriverView::driverId).collect(Collectors.toSet());
    }

    private static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return HTTP.send(Credentials.authorized(url).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
