package io.drover.worker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.api.LocalDriverView;
import io.drover.protocol.api.LocalExecutorView;
import io.drover.protocol.api.WorkerStatus;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import io.drover.worker.FakeMaster;
import io.drover.worker.RegisteredWorker;
import io.drover.worker.TestWorker;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerStateControllerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String DRIVER = "driver-20260101000000-0001";
    private static final String APP = "app-20260101000000-0001";

    @TempDir
    Path work;

    private RegisteredWorker registered;
    private FakeMaster master;
    private TestWorker worker;

    @BeforeEach
    void start() throws Exception {
        registered = RegisteredWorker.start(work);
        master = registered.master;
        worker = registered.worker;
    }

    @AfterEach
    void stop() {
        registered.close();
    }

    private WorkerStatus status() throws Exception {
        return registered.status();
    }

    @Test
    void theStatusShowsIdentityMasterAndTotals() throws Exception {
        WorkerStatus status = status();

        assertThat(status.url()).isEqualTo(worker.url);
        assertThat(status.workerId()).startsWith("worker-");
        assertThat(status.masterUrl()).isEqualTo(master.url());
        assertThat(status.epoch()).isEqualTo(7);
        assertThat(status.registered()).isTrue();
        assertThat(status.cores()).isEqualTo(4);
        assertThat(status.memoryMb()).isEqualTo(4096);
        assertThat(status.workDir()).isEqualTo(work.toAbsolutePath().toString());
    }

    @Test
    void aRunningDriverUsesResourcesAndAFinishedOneFreesThem() throws Exception {
        String launch = """
                {"masterUrl": "%s", "epoch": 7, "driverId": "%s",
                 "description": {"name": "sleeper", "command": {"executable": "/bin/sleep", "arguments": ["300"]},
                                 "cores": 3, "memoryMb": 1000, "supervise": false}}
                """.formatted(master.url(), DRIVER);
        worker.postJson("/internal/v1/drivers", launch);
        await().atMost(WAIT).until(() -> status().runningDrivers().stream().anyMatch(d -> d.pid() != null));

        WorkerStatus running = status();
        LocalDriverView driver = running.runningDrivers().get(0);
        assertThat(running.coresUsed()).isEqualTo(3);
        assertThat(running.memoryUsedMb()).isEqualTo(1000);
        assertThat(driver.name()).isEqualTo("sleeper");
        assertThat(driver.state()).isEqualTo(DriverState.RUNNING);

        worker.postJson("/internal/v1/drivers/" + DRIVER + "/kill", "{\"masterUrl\": \"" + master.url() + "\", \"epoch\": 7}");
        await().atMost(WAIT).until(() -> status().finishedDrivers().size() == 1);

        WorkerStatus ended = status();
        assertThat(ended.coresUsed()).isZero();
        assertThat(ended.memoryUsedMb()).isZero();
        assertThat(ended.runningDrivers()).isEmpty();
        assertThat(ended.finishedDrivers().get(0).state()).isEqualTo(DriverState.KILLED);
    }

    @Test
    void aHeartbeatReplyKillsADriverWithoutReportingIt() throws Exception {
        String launch = """
                {"masterUrl": "%s", "epoch": 7, "driverId": "%s",
                 "description": {"name": "sleeper", "command": {"executable": "/bin/sleep", "arguments": ["300"]},
                                 "cores": 1, "memoryMb": 64, "supervise": false}}
                """.formatted(master.url(), DRIVER);
        worker.postJson("/internal/v1/drivers", launch);
        await().atMost(WAIT).until(() -> master.heartbeats.stream().anyMatch(h -> h.runningDriverIds().contains(DRIVER)));

        master.nextHeartbeatReply = new io.drover.protocol.internal.HeartbeatReply(false, java.util.List.of(DRIVER),
                java.util.List.of());

        await().atMost(WAIT).until(() -> status().finishedDrivers().size() == 1);
        assertThat(master.reports).extracting(r -> r.state()).containsExactly(DriverState.RUNNING);
    }

    private String launchExecutor(int executorId, String appName, int cores, long memoryMb) {
        return """
                {"masterUrl": "%s", "epoch": 7, "appId": "%s", "executorId": %d,
                 "description": {"appName": "%s", "command": {"executable": "/bin/sleep", "arguments": ["300"]},
                                 "cores": %d, "memoryMb": %d}}
                """.formatted(master.url(), APP, executorId, appName, cores, memoryMb);
    }

    @Test
    void runningAndFinishedExecutorsAreListedWithTheirResources() throws Exception {
        worker.postJson("/internal/v1/executors", launchExecutor(0, "wordcount", 2, 512));
        await().atMost(WAIT).until(() -> status().runningExecutors().stream().anyMatch(e -> e.pid() != null));

        WorkerStatus running = status();
        LocalExecutorView executor = running.runningExecutors().get(0);
        assertThat(running.coresUsed()).isEqualTo(2);
        assertThat(running.memoryUsedMb()).isEqualTo(512);
        assertThat(executor.appId()).isEqualTo(APP);
        assertThat(executor.executorId()).isZero();
        assertThat(executor.appName()).isEqualTo("wordcount");
        assertThat(executor.state()).isEqualTo(ExecutorState.RUNNING);
        assertThat(executor.startedAt()).isNotNull();

        worker.postJson("/internal/v1/executors/" + APP + "/0/kill",
                "{\"masterUrl\": \"" + master.url() + "\", \"epoch\": 7}");
        await().atMost(WAIT).until(() -> status().finishedExecutors().size() == 1);

        WorkerStatus ended = status();
        assertThat(ended.coresUsed()).isZero();
        assertThat(ended.memoryUsedMb()).isZero();
        assertThat(ended.runningExecutors()).isEmpty();
        assertThat(ended.finishedExecutors().get(0).state()).isEqualTo(ExecutorState.KILLED);
        assertThat(ended.finishedExecutors().get(0).pid()).isNull();
    }

    @Test
    void heartbeatsCarryRunningExecutorsAndAKillExecutorsReplyKillsThemSilently() throws Exception {
        worker.postJson("/internal/v1/executors", launchExecutor(4, "sleeper", 1, 64));
        String key = APP + "/4";
        await().atMost(WAIT).until(() -> master.heartbeats.stream().anyMatch(h -> h.runningExecutors().contains(key)));

        master.nextHeartbeatReply = new io.drover.protocol.internal.HeartbeatReply(false, java.util.List.of(),
                java.util.List.of(key, APP + "/99"));

        await().atMost(WAIT).until(() -> status().finishedExecutors().size() == 1);
        assertThat(status().finishedExecutors().get(0).state()).isEqualTo(ExecutorState.KILLED);
        assertThat(master.executorStates(APP, 4)).containsExactly(ExecutorState.LAUNCHING, ExecutorState.RUNNING);
        assertThat(status().coresUsed()).isZero();
    }
}
