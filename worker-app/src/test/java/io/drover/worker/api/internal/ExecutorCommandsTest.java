package io.drover.worker.api.internal;

import static io.drover.worker.RegisteredWorker.WAIT;
import static io.drover.worker.RegisteredWorker.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.internal.ExecutorStateChanged;
import io.drover.protocol.resources.Resources;
import io.drover.protocol.state.ExecutorState;
import io.drover.worker.FakeMaster;
import io.drover.worker.RegisteredWorker;
import io.drover.worker.TestWorker;
import io.drover.worker.runner.RunnerRegistry;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The master's executor and application commands against a real worker registered with a fake master at epoch 7. */
class ExecutorCommandsTest {

    private static final AtomicInteger NEXT_APP = new AtomicInteger(1);

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

    private static String newAppId() {
        return String.format("app-20260101000000-%04d", NEXT_APP.getAndIncrement());
    }

    private static String launch(String masterUrl, long epoch, String appId, int executorId, String script,
            int cores, long memoryMb) {
        return """
                {"masterUrl": "%s", "epoch": %d, "appId": "%s", "executorId": %d,
                 "description": {"appName": "test", "command": {"executable": "/bin/sh", "arguments": ["-c", "%s"]},
                                 "cores": %d, "memoryMb": %d, "driverUrl": "http://driver:4040"}}
                """.formatted(masterUrl, epoch, appId, executorId, script, cores, memoryMb);
    }

    private static String launch(String appId, int executorId, String script) {
        return launch(master.url(), 7, appId, executorId, script, 1, 64);
    }

    private static String command(String masterUrl, long epoch) {
        return "{\"masterUrl\": \"" + masterUrl + "\", \"epoch\": " + epoch + "}";
    }

    private static HttpResponse<String> postLaunch(String body) throws Exception {
        return worker.postJson("/internal/v1/executors", body);
    }

    private static HttpResponse<String> postKill(String appId, String executorId, long epoch) throws Exception {
        return worker.postJson("/internal/v1/executors/" + appId + "/" + executorId + "/kill",
                command(master.url(), epoch));
    }

    private static HttpResponse<String> postFinished(String appId, String body) throws Exception {
        return worker.postJson("/internal/v1/applications/" + appId + "/finished", body);
    }

    private static RunnerRegistry registry() {
        return worker.bean(RunnerRegistry.class);
    }

    private static void awaitState(String appId, int executorId, ExecutorState state) {
        await().atMost(WAIT).until(() -> master.executorStates(appId, executorId).contains(state));
    }

    // ---- launch

    @Test
    void aLaunchFromTheFollowedMasterIsAcceptedAndEveryStateReportedInOrder() throws Exception {
        String app = newAppId();

        HttpResponse<String> response = postLaunch(launch(app, 0, "exit 0"));

        assertThat(response.statusCode()).isEqualTo(202);
        awaitState(app, 0, ExecutorState.EXITED);
        assertThat(master.executorStates(app, 0))
                .containsExactly(ExecutorState.LAUNCHING, ExecutorState.RUNNING, ExecutorState.EXITED);
        assertThat(Files.readString(work.resolve(app).resolve("0").resolve("stderr"))).contains("starting: /bin/sh");
    }

    @Test
    void aRunningExecutorUsesItsCoresAndMemoryUntilItIsKilled() throws Exception {
        String app = newAppId();
        Resources before = registry().snapshot().used();

        postLaunch(launch(master.url(), 7, app, 3, "exec sleep 300", 3, 1000));

        assertThat(registry().snapshot().used()).isEqualTo(before.plus(Resources.of(3, 1000)));
        awaitState(app, 3, ExecutorState.RUNNING);
        assertThat(registry().runningExecutors()).contains(app + "/3");

        HttpResponse<String> kill = postKill(app, "3", 7);

        assertThat(kill.statusCode()).isEqualTo(202);
        awaitState(app, 3, ExecutorState.KILLED);
        assertThat(registry().snapshot().used()).isEqualTo(before);
        assertThat(registry().runningExecutors()).doesNotContain(app + "/3");
        assertThat(master.executorStates(app, 3))
                .containsExactly(ExecutorState.LAUNCHING, ExecutorState.RUNNING, ExecutorState.KILLED);
    }

    @Test
    void aLaunchThatCannotStartIsReportedFailedAndForgotten() throws Exception {
        String app = newAppId();
        Resources before = registry().snapshot().used();
        String body = launch(app, 0, "exit 0").replace("/bin/sh", "/nonexistent/program");

        assertThat(postLaunch(body).statusCode()).isEqualTo(202);

        awaitState(app, 0, ExecutorState.FAILED);
        ExecutorStateChanged failed = master.executorReports.stream()
                .filter(r -> r.appId().equals(app) && r.state() == ExecutorState.FAILED).findFirst().orElseThrow();
        assertThat(failed.message()).startsWith("could not launch:").contains("/nonexistent/program");
        assertThat(registry().runningExecutors()).doesNotContain(app + "/0");
        assertThat(registry().snapshot().used()).isEqualTo(before);
    }

    @Test
    void aLaunchAtAnotherEpochIsForbiddenAndStartsNothing() throws Exception {
        String app = newAppId();

        HttpResponse<String> response = postLaunch(launch(master.url(), 6, app, 0, "exit 0", 1, 64));

        assertProblem(response, 403);
        assertThat(registry().snapshot().runningExecutors()).noneMatch(e -> e.appId().equals(app));
        assertThat(registry().snapshot().finishedExecutors()).noneMatch(e -> e.appId().equals(app));
        assertThat(work.resolve(app)).doesNotExist();
    }

    @Test
    void aLaunchFromAnotherMasterIsForbidden() throws Exception {
        assertProblem(postLaunch(launch("http://127.0.0.1:9", 7, newAppId(), 0, "exit 0", 1, 64)), 403);
    }

    @Test
    void aLaunchWithoutACommandIsABadRequestNamingTheField() throws Exception {
        String body = """
                {"masterUrl": "%s", "epoch": 7, "appId": "%s", "executorId": 0,
                 "description": {"appName": "test", "cores": 1, "memoryMb": 64}}
                """.formatted(master.url(), newAppId());

        HttpResponse<String> response = postLaunch(body);

        assertProblem(response, 400);
        assertThat(response.body()).contains("description.command");
    }

    @Test
    void aLaunchWithAMalformedAppIdIsABadRequestNamingIt() throws Exception {
        HttpResponse<String> response = postLaunch(launch("../../etc", 0, "exit 0"));

        assertProblem(response, 400);
        assertThat(response.body()).contains("appId");
    }

    @Test
    void aLaunchWithANegativeExecutorIdIsABadRequestNamingIt() throws Exception {
        HttpResponse<String> response = postLaunch(launch(newAppId(), -1, "exit 0"));

        assertProblem(response, 400);
        assertThat(response.body()).contains("executorId");
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        assertProblem(postLaunch("{\"masterUrl\": "), 400);
    }

    @Test
    void aRepeatedLaunchOfARunningExecutorStartsNothingNew() throws Exception {
        String app = newAppId();
        String body = launch(app, 0, "exec sleep 300");
        assertThat(postLaunch(body).statusCode()).isEqualTo(202);
        awaitState(app, 0, ExecutorState.RUNNING);

        HttpResponse<String> again = postLaunch(body);

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(registry().runningExecutors()).containsOnlyOnce(app + "/0");
        assertThat(postKill(app, "0", 7).statusCode()).isEqualTo(202);
        awaitState(app, 0, ExecutorState.KILLED);
        assertThat(master.executorStates(app, 0))
                .containsExactly(ExecutorState.LAUNCHING, ExecutorState.RUNNING, ExecutorState.KILLED);
    }

    // ---- kill

    @Test
    void aKillOfAnUnknownExecutorIsNotFound() throws Exception {
        assertProblem(postKill(newAppId(), "0", 7), 404);
    }

    @Test
    void aKillOfAnExecutorThatEndedIsAccepted() throws Exception {
        String app = newAppId();
        postLaunch(launch(app, 0, "exit 0"));
        awaitState(app, 0, ExecutorState.EXITED);

        assertThat(postKill(app, "0", 7).statusCode()).isEqualTo(202);
        assertThat(master.executorStates(app, 0)).doesNotContain(ExecutorState.KILLED);
    }

    @Test
    void aKillAtAnotherEpochIsForbidden() throws Exception {
        assertProblem(postKill(newAppId(), "0", 8), 403);
    }

    @Test
    void aKillWithAMalformedAppIdOrExecutorIdIsABadRequestNamingIt() throws Exception {
        HttpResponse<String> badApp = postKill("app-x", "0", 7);
        HttpResponse<String> badExecutor = postKill(newAppId(), "x", 7);
        HttpResponse<String> negative = postKill(newAppId(), "-1", 7);

        assertProblem(badApp, 400);
        assertThat(badApp.body()).contains("appId");
        assertProblem(badExecutor, 400);
        assertThat(badExecutor.body()).contains("executorId");
        assertProblem(negative, 400);
    }

    // ---- application finished

    @Test
    void aFinishedApplicationLosesItsExecutorsAndLocalDirectoryButKeepsTheirLogs() throws Exception {
        String app = newAppId();
        String other = newAppId();
        postLaunch(launch(app, 0, "exec sleep 300"));
        postLaunch(launch(app, 1, "exec sleep 300"));
        postLaunch(launch(other, 0, "exec sleep 300"));
        awaitState(app, 0, ExecutorState.RUNNING);
        awaitState(app, 1, ExecutorState.RUNNING);
        awaitState(other, 0, ExecutorState.RUNNING);
        Path local = work.resolve(app).resolve("local");
        assertThat(local).isDirectory();

        HttpResponse<String> response = postFinished(app, command(master.url(), 7));

        assertThat(response.statusCode()).isEqualTo(202);
        awaitState(app, 0, ExecutorState.KILLED);
        awaitState(app, 1, ExecutorState.KILLED);
        await().atMost(WAIT).until(() -> !Files.exists(local));
        assertThat(master.executorReports).filteredOn(r -> r.appId().equals(app) && r.state() == ExecutorState.KILLED)
                .extracting(ExecutorStateChanged::message).containsOnly("killed: the application finished");
        assertThat(work.resolve(app).resolve("0").resolve("stderr")).exists();
        assertThat(registry().runningExecutors()).contains(other + "/0").doesNotContain(app + "/0", app + "/1");
        assertThat(work.resolve(other).resolve("local")).isDirectory();

        assertProblem(postLaunch(launch(app, 2, "exit 0")), 409);
        assertThat(work.resolve(app).resolve("2")).doesNotExist();

        postFinished(other, command(master.url(), 7));
        awaitState(other, 0, ExecutorState.KILLED);
        await().atMost(WAIT).until(() -> !Files.exists(work.resolve(other).resolve("local")));
    }

    @Test
    void aFinishedApplicationWithNoExecutorLeftLosesItsLocalDirectoryAtOnce() throws Exception {
        String app = newAppId();
        postLaunch(launch(app, 0, "exit 0"));
        awaitState(app, 0, ExecutorState.EXITED);
        Path local = work.resolve(app).resolve("local");
        assertThat(local).isDirectory();

        assertThat(postFinished(app, command(master.url(), 7)).statusCode()).isEqualTo(202);

        await().atMost(WAIT).until(() -> !Files.exists(local));
        assertThat(work.resolve(app).resolve("0").resolve("stdout")).exists();
    }

    @Test
    void anUnknownApplicationCanFinish() throws Exception {
        assertThat(postFinished(newAppId(), command(master.url(), 7)).statusCode()).isEqualTo(202);
    }

    @Test
    void applicationFinishedIsCheckedLikeEveryCommand() throws Exception {
        String app = newAppId();
        postLaunch(launch(app, 0, "exec sleep 300"));
        awaitState(app, 0, ExecutorState.RUNNING);

        assertProblem(postFinished(app, command(master.url(), 6)), 403);
        assertProblem(postFinished(app, command("http://127.0.0.1:9", 7)), 403);
        HttpResponse<String> noMaster = postFinished(app, "{\"epoch\": 7}");
        assertProblem(noMaster, 400);
        assertThat(noMaster.body()).contains("masterUrl");
        HttpResponse<String> badApp = postFinished("app-1", command(master.url(), 7));
        assertProblem(badApp, 400);
        assertThat(badApp.body()).contains("appId");

        assertThat(registry().runningExecutors()).contains(app + "/0");
        postKill(app, "0", 7);
        awaitState(app, 0, ExecutorState.KILLED);
    }

    @Test
    void everyCommandOfAWrongMasterIsAProblemDocument() throws Exception {
        List<HttpResponse<String>> responses = List.of(
                postLaunch(launch(master.url(), 99, newAppId(), 0, "exit 0", 1, 64)),
                postKill(newAppId(), "0", 99),
                postFinished(newAppId(), command(master.url(), 99)));

        responses.forEach(response -> assertProblem(response, 403));
    }
}
