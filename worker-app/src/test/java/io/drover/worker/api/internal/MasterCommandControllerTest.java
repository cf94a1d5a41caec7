package io.drover.worker.api.internal;

import static io.drover.worker.RegisteredWorker.WAIT;
import static io.drover.worker.RegisteredWorker.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.state.DriverState;
import io.drover.worker.FakeMaster;
import io.drover.worker.RegisteredWorker;
import io.drover.worker.TestWorker;
import io.drover.worker.runner.RunnerRegistry;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The master's commands against a real worker registered with a fake master at epoch 7. */
class MasterCommandControllerTest {

    private static final AtomicInteger NEXT_ID = new AtomicInteger(1);

    @TempDir
    static Path work;

    private static RegisteredWorker registered;
    private static FakeMaster master;
    private static TestWorker worker;

    @BeforeAll
    static void start() throws IOException {
        registered = RegisteredWorker.start(work);
        master = registered.master;
        worker = registered.worker;
    }

    @AfterAll
    static void stop() {
        registered.close();
    }

    private static String newDriverId() {
        return String.format("driver-20260101000000-%04d", NEXT_ID.getAndIncrement());
    }

    private static String launch(String masterUrl, long epoch, String driverId, String script) {
        return """
                {"masterUrl": "%s", "epoch": %d, "driverId": "%s",
                 "description": {"name": "test", "command": {"executable": "/bin/sh", "arguments": ["-c", "%s"]},
                                 "cores": 1, "memoryMb": 64, "supervise": false}}
                """.formatted(masterUrl, epoch, driverId, script);
    }

    private static HttpResponse<String> postLaunch(String body) throws Exception {
        return worker.postJson("/internal/v1/drivers", body);
    }

    private static HttpResponse<String> postKill(String driverId, String masterUrl, long epoch) throws Exception {
        return worker.postJson("/internal/v1/drivers/" + driverId + "/kill",
                "{\"masterUrl\": \"" + masterUrl + "\", \"epoch\": " + epoch + "}");
    }

    private static List<DriverState> reportedStates(String driverId) {
        return master.reports.stream().filter(r -> r.driverId().equals(driverId)).map(DriverStateChanged::state).toList();
    }

    @Test
    void aLaunchWithAWrongSecretIsRefusedAndNothingRuns() throws Exception {
        String id = newDriverId();

        HttpResponse<String> response = worker.send(worker.requestAs("/internal/v1/drivers", "not-the-cluster-secret")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(launch(master.url(), 7, id, "exit 0"))).build());

        assertProblem(response, 401);
        assertThat(worker.bean(RunnerRegistry.class).snapshot().running()).noneMatch(d -> d.driverId().equals(id));
        assertThat(worker.bean(RunnerRegistry.class).snapshot().finished()).noneMatch(d -> d.driverId().equals(id));
        assertThat(reportedStates(id)).isEmpty();
    }

    @Test
    void aLaunchWithoutASecretIsRefused() throws Exception {
        String id = newDriverId();

        HttpResponse<String> response = worker.send(worker.requestAs("/internal/v1/drivers", null)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(launch(master.url(), 7, id, "exit 0"))).build());

        assertProblem(response, 401);
        assertThat(worker.bean(RunnerRegistry.class).snapshot().running()).noneMatch(d -> d.driverId().equals(id));
        assertThat(worker.bean(RunnerRegistry.class).snapshot().finished()).noneMatch(d -> d.driverId().equals(id));
    }

    @Test
    void theWorkerPresentsTheClusterSecretOnEveryCallToItsMaster() {
        assertThat(master.registrations).isNotEmpty();
        assertThat(master.refusedCalls).hasValue(0);
    }

    @Test
    void aLaunchFromTheFollowedMasterIsAcceptedAndItsProgressReported() throws Exception {
        String id = newDriverId();

        HttpResponse<String> response = postLaunch(launch(master.url(), 7, id, "exit 0"));

        assertThat(response.statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> reportedStates(id).size() == 2);
        assertThat(reportedStates(id)).containsExactly(DriverState.RUNNING, DriverState.FINISHED);
    }

    @Test
    void aLaunchAtAnotherEpochIsForbiddenAndStartsNothing() throws Exception {
        String id = newDriverId();

        HttpResponse<String> response = postLaunch(launch(master.url(), 6, id, "exit 0"));

        assertProblem(response, 403);
        assertThat(worker.bean(RunnerRegistry.class).snapshot().running()).noneMatch(d -> d.driverId().equals(id));
        assertThat(worker.bean(RunnerRegistry.class).snapshot().finished()).noneMatch(d -> d.driverId().equals(id));
    }

    @Test
    void aLaunchFromAnotherMasterIsForbidden() throws Exception {
        HttpResponse<String> response = postLaunch(launch("http://127.0.0.1:9", 7, newDriverId(), "exit 0"));

        assertProblem(response, 403);
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        HttpResponse<String> response = postLaunch("{\"masterUrl\": ");

        assertProblem(response, 400);
    }

    @Test
    void aLaunchWithoutACommandIsABadRequestNamingTheField() throws Exception {
        String body = """
                {"masterUrl": "%s", "epoch": 7, "driverId": "%s",
                 "description": {"name": "test", "cores": 1, "memoryMb": 64, "supervise": false}}
                """.formatted(master.url(), newDriverId());

        HttpResponse<String> response = postLaunch(body);

        assertProblem(response, 400);
        assertThat(response.body()).contains("description.command");
    }

    @Test
    void aLaunchWithAMalformedDriverIdIsABadRequest() throws Exception {
        HttpResponse<String> response = postLaunch(launch(master.url(), 7, "../../etc", "exit 0"));

        assertProblem(response, 400);
        assertThat(response.body()).contains("driverId");
    }

    @Test
    void aRepeatedLaunchOfARunningDriverStartsNothingNew() throws Exception {
        String id = newDriverId();
        String body = launch(master.url(), 7, id, "sleep 300");
        assertThat(postLaunch(body).statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> reportedStates(id).contains(DriverState.RUNNING));

        HttpResponse<String> again = postLaunch(body);

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(worker.bean(RunnerRegistry.class).runningDriverIds()).containsOnlyOnce(id);
        assertThat(postKill(id, master.url(), 7).statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> reportedStates(id).contains(DriverState.KILLED));
        assertThat(reportedStates(id)).containsExactly(DriverState.RUNNING, DriverState.KILLED);
    }

    @Test
    void aKillOfARunningDriverIsAcceptedAndReportedKilled() throws Exception {
        String id = newDriverId();
        postLaunch(launch(master.url(), 7, id, "sleep 300"));
        await().atMost(WAIT).until(() -> reportedStates(id).contains(DriverState.RUNNING));

        HttpResponse<String> response = postKill(id, master.url(), 7);

        assertThat(response.statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> reportedStates(id).contains(DriverState.KILLED));
        assertThat(worker.bean(RunnerRegistry.class).runningDriverIds()).doesNotContain(id);
    }

    @Test
    void aKillOfAnUnknownDriverIsNotFound() throws Exception {
        assertProblem(postKill(newDriverId(), master.url(), 7), 404);
    }

    @Test
    void aKillAtAnotherEpochIsForbidden() throws Exception {
        assertProblem(postKill(newDriverId(), master.url(), 8), 403);
    }

    @Test
    void aKillOfAMalformedDriverIdIsABadRequest() throws Exception {
        assertProblem(postKill("driver-x", master.url(), 7), 400);
    }
}
