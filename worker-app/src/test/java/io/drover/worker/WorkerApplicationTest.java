package io.drover.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import io.drover.worker.registration.MasterLink;
import io.drover.worker.runner.RunnerRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole worker as other modules start it: it comes up alone and leaves nothing behind when closed. */
class WorkerApplicationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path work;

    @Test
    void theWorkerServesItsApiWhileNoMasterAnswers() throws Exception {
        try (TestWorker worker = TestWorker.start(work, "http://127.0.0.1:1")) {
            HttpResponse<String> liveness = worker.get("/actuator/health/liveness");
            HttpResponse<String> readiness = worker.get("/actuator/health/readiness");
            HttpResponse<String> status = worker.get("/api/v1/worker");

            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(readiness.statusCode()).as("not ready before it has registered").isEqualTo(503);
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains("\"registered\":false");
            assertThat(worker.bean(MasterLink.class).isRegistered()).isFalse();
        }
    }

    @Test
    void noConfigurationFileIsBundled() {
        assertThat(getClass().getClassLoader().getResource("application.yml")).isNull();
        assertThat(getClass().getClassLoader().getResource("application.properties")).isNull();
    }

    @Test
    void closingTheWorkerStopsEveryDriverAndExecutorTreeWithoutReportingItAndDeletesLocalDirectories()
            throws Exception {
        String app = "app-20260101000000-0001";
        List<Long> pids = new ArrayList<>();
        try (FakeMaster master = new FakeMaster(); TestWorker worker = TestWorker.start(work, master.url())) {
            await().atMost(WAIT).until(() -> worker.bean(MasterLink.class).isRegistered());
            for (int i = 1; i <= 2; i++) {
                worker.postJson("/internal/v1/drivers", """
                        {"masterUrl": "%s", "epoch": 7, "driverId": "driver-20260101000000-000%d",
                         "description": {"name": "tree", "supervise": true, "cores": 1, "memoryMb": 64,
                                         "command": {"executable": "/bin/sh", "arguments": ["-c", "sleep 300 & sleep 300; wait"]}}}
                        """.formatted(master.url(), i));
            }
            worker.postJson("/internal/v1/executors", """
                    {"masterUrl": "%s", "epoch": 7, "appId": "%s", "executorId": 0,
                     "description": {"appName": "tree", "cores": 1, "memoryMb": 64,
                                     "command": {"executable": "/bin/sh", "arguments": ["-c", "sleep 300 & wait"]}}}
                    """.formatted(master.url(), app));
            await().atMost(WAIT).until(() -> master.reports.size() == 2
                    && master.executorStates(app, 0).contains(ExecutorState.RUNNING));
            RunnerRegistry registry = worker.bean(RunnerRegistry.class);
            // Under process isolation a program's pid is known a moment after RUNNING is reported.
            await().atMost(WAIT).until(() -> registry.snapshot().running().stream().allMatch(d -> d.pid() != null)
                    && registry.snapshot().runningExecutors().stream().allMatch(e -> e.pid() != null));
            registry.snapshot().running().forEach(driver -> pids.add(driver.pid()));
            registry.snapshot().runningExecutors().forEach(executor -> pids.add(executor.pid()));
            await().atMost(WAIT).until(() -> pids.stream().allMatch(pid ->
                    ProcessHandle.of(pid).orElseThrow().descendants().findAny().isPresent()));
            List.copyOf(pids).forEach(pid ->
                    ProcessHandle.of(pid).orElseThrow().descendants().forEach(child -> pids.add(child.pid())));
            assertThat(work.resolve(app).resolve("local")).isDirectory();

            worker.close(); // closing twice (again at the end of the try) is harmless

            assertThat(master.reports).allMatch(report -> report.state() == DriverState.RUNNING);
            assertThat(master.executorStates(app, 0)).containsExactly(ExecutorState.LAUNCHING, ExecutorState.RUNNING);
        }
        assertThat(work.resolve(app).resolve("local")).doesNotExist();
        assertThat(work.resolve(app).resolve("0").resolve("stderr")).exists();
        assertThat(pids).hasSizeGreaterThanOrEqualTo(6);
        assertThat(pids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(ProcessHandle.current().descendants()).isEmpty();
    }
}
