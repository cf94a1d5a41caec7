package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.api.WorkerView;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import io.drover.protocol.state.WorkerState;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import io.drover.worker.config.RunningUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, with real workers (the master's side alone is {@code DecommissionOnAMasterTest}, against scripted
 * ones): a decommissioned worker keeps its driver running, has its executors replaced elsewhere, takes no new
 * work, and once its driver has ended it stops and leaves, listed DECOMMISSIONED. Started by the admin API, or by
 * the worker itself on {@code SIGPWR}.
 */
class DecommissionOnAClusterTest {

    private static final Duration LONG = Duration.ofSeconds(60);

    @TempDir
    Path tmp;
    private TestCluster cluster;
    private Process worker;

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.destroyForcibly();
        }
        if (cluster != null) {
            cluster.close();
        }
        NoProcessesLeft.assertNoneLeft();
    }

    private List<ExecutorView> live(String appId) {
        return cluster.client.application(appId).executors().stream().filter(e -> !e.state().isTerminal()).toList();
    }

    private List<ExecutorView> awaitRunningOn(String appId, String workerId, int count) {
        return await().atMost(LONG).until(() -> live(appId), list -> list.size() == count
                && list.stream().allMatch(e -> e.state() == ExecutorState.RUNNING && e.workerId().equals(workerId)));
    }

    @Test
    void decommissioningThroughTheApiMovesTheExecutorsLetsTheJobFinishAndTheWorkerLeavesDecommissioned()
            throws Exception {
        cluster = TestCluster.start(tmp);
        String leaving = cluster.addWorker(4, 4096);
        GatedProcesses gated = new GatedProcesses(tmp);
        String driverId = cluster.client.submitDriver(new SubmitDriverRequest("job", null, gated.driver(), 1, 64L,
                true));
        cluster.client.awaitDriver(driverId, s -> s == DriverState.RUNNING, LONG);
        String appId = cluster.client.registerApplication(new RegisterApplicationRequest("job", gated.executor(),
                null, 1, 64L, 2, null, null, driverId));
        awaitRunningOn(appId, leaving, 2);
        String staying = cluster.addWorker(4, 4096);

        HttpResponse<String> answer = decommission(leaving, "kernel upgrade");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);

        awaitRunningOn(appId, staying, 2);
        assertThat(cluster.client.application(appId).executors()).filteredOn(e -> e.workerId().equals(leaving))
                .extracting(ExecutorView::state).containsOnly(ExecutorState.DECOMMISSIONED);
        assertThat(cluster.client.driver(driverId).state()).as("its driver runs on").isEqualTo(DriverState.RUNNING);
        assertThat(cluster.workerContext(1).isActive()).as("the worker stays while its driver runs").isTrue();

        gated.open();

        assertThat(cluster.client.awaitDriver(driverId, DriverState::isTerminal, LONG).state())
                .isEqualTo(DriverState.FINISHED);
        ApplicationView job = cluster.client.awaitApplication(appId, ApplicationState::isTerminal, LONG);
        assertThat(job.state()).isEqualTo(ApplicationState.FINISHED);
        await().atMost(LONG).until(() -> cluster.client.worker(leaving).state() == WorkerState.DECOMMISSIONED);
        await().atMost(LONG).until(() -> !cluster.workerContext(1).isActive());
        assertThat(cluster.client.driver(driverId).workerId()).as("it finished where it ran").isEqualTo(leaving);
    }

    @Test
    void aWorkerSentSigpwrDecommissionsItselfItsExecutorsMoveAndItsProcessExits() throws Exception {
        decommissionsItselfOn("PWR");
    }

    @Test
    void withDecommissionOnTermSigtermDecommissionsTheWorkerInsteadOfStoppingIt() throws Exception {
        decommissionsItselfOn("TERM", "--drover.worker.decommission-on-term=true");
    }

    /** A worker process of its own, so the signal reaches that worker alone, and its exit is the JVM's. */
    private void decommissionsItselfOn(String signal, String... workerArgs) throws Exception {
        Assumptions.assumeTrue(RunningUser.isRoot(), "the default process isolation needs root; skipped");
        Optional<Path> jar = WorkerJar.find();
        Assumptions.assumeTrue(jar.isPresent(), "worker-app's executable jar is not built (./mvnw package); skipped");
        cluster = TestCluster.start(tmp);
        Path log = tmp.resolve("worker.log");
        worker = WorkerJar.start(jar.get(), cluster.masterUrl, tmp.resolve("worker"), log, workerArgs);
        String leaving = await().atMost(Duration.ofMinutes(3)).until(() -> cluster.client.workers().stream()
                .filter(w -> w.state() == WorkerState.ALIVE).map(WorkerView::workerId).findFirst().orElse(null),
                id -> id != null || !worker.isAlive());
        assertThat(worker.isAlive()).as("the worker stopped: %s", WorkerJar.log(log)).isTrue();
        GatedProcesses gated = new GatedProcesses(tmp);
        String appId = cluster.client.registerApplication(new RegisterApplicationRequest("app", gated.executor(),
                null, 1, 64L, 2, null, null, null));
        awaitRunningOn(appId, leaving, 2);
        String staying = cluster.addWorker(4, 4096);

        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(worker.pid())).start();
        assertThat(kill.waitFor()).isZero();

        awaitRunningOn(appId, staying, 2);
        await().atMost(LONG).until(() -> cluster.client.worker(leaving).state() == WorkerState.DECOMMISSIONED);
        assertThat(cluster.client.worker(leaving).decommissionReason()).contains("SIG" + signal);
        assertThat(worker.waitFor(LONG.toSeconds(), TimeUnit.SECONDS)).as("the worker's process exits").isTrue();
        assertThat(worker.exitValue()).as(WorkerJar.log(log)).isZero();
        gated.open();
    }

    private HttpResponse<String> decommission(String workerId, String reason) throws IOException,
            InterruptedException {
        HttpRequest request = Credentials.authorized(cluster.masterUrl + "/api/v1/workers/" + workerId
                + "/decommission").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"" + reason + "\"}")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
