package io.drover.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.protocol.api.ApplicationEvent;
import io.drover.protocol.api.ApplicationEventType;
import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.ClusterHistoryView;
import io.drover.protocol.api.ClusterSample;
import io.drover.protocol.api.ClusterView;
import io.drover.protocol.api.DecommissionRequest;
import io.drover.protocol.api.QueueView;
import io.drover.protocol.api.ExecutorLimitRequest;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.LocalExecutorView;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.api.RegisterApplicationResponse;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.LocalDriverView;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.api.SubmitDriverResponse;
import io.drover.protocol.api.WorkerStatus;
import io.drover.protocol.api.WorkerView;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.internal.ApplicationFinished;
import io.drover.protocol.internal.ChildProcess;
import io.drover.protocol.internal.DecommissionWorker;
import io.drover.protocol.internal.WorkerDecommissioning;
import io.drover.protocol.internal.WorkerHealth;
import io.drover.protocol.internal.DriverDescription;
import io.drover.protocol.internal.MasterChanged;
import io.drover.protocol.internal.WorkerLeaving;
import io.drover.protocol.internal.ExecutorDescription;
import io.drover.protocol.internal.KillExecutor;
import io.drover.protocol.internal.LaunchExecutor;
import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.internal.ExecutorStateChanged;
import io.drover.protocol.internal.StateReports;
import io.drover.protocol.internal.Heartbeat;
import io.drover.protocol.internal.HeartbeatReply;
import io.drover.protocol.internal.KillDriver;
import io.drover.protocol.internal.LaunchDriver;
import io.drover.protocol.internal.RegisterWorker;
import io.drover.protocol.internal.RegisterWorkerReply;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import io.drover.protocol.state.MasterStatus;
import io.drover.protocol.state.WorkerState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

class JsonRoundTripTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T = Instant.parse("2026-11-22T08:00:00.123Z");
    private static final CommandSpec JVM = new CommandSpec("demo.Main", List.of("a.jar", "lib/*"), List.of("-Dx=1"),
            null, List.of("{{DRIVER_ID}}"), Map.of("MODE", "fast"));
    private static final CommandSpec EXE = CommandSpec.executable("/bin/sh", List.of("-c", "echo hello; exit 3"));
    private static final DriverView DRIVER = new DriverView("driver-20261122080000-0001", "demo", DriverState.RUNNING,
            "worker-20261122080000-127.0.0.1-8081", "http://127.0.0.1:8081", "file:/tmp/a.jar", JVM, 1, 512, true,
            T, T, T, null, null, 2, null, "alice", null, 4242L, "etl", 5, Map.of("gpu", 1), Map.of("gpu", List.of("1")),
            null);
    private static final String WORKER_ID = "worker-20261122080000-127.0.0.1-8081";
    private static final WorkerView WORKER = new WorkerView(WORKER_ID, "127.0.0.1", 8081,
            "http://127.0.0.1:8081", WorkerState.ALIVE, 8, 1, 4096, 512, T, T, List.of(DRIVER.driverId()),
            List.of("app-20261122080000-0001/3"), Map.of("gpu", List.of("0", "1")), Map.of("gpu", List.of("1")),
            Map.of("spark.version", "4.0.1"), true, "decommissioned by admin: maintenance", false,
            "work directory /tmp/work is read-only", "process");

    private static final ExecutorView EXECUTOR = new ExecutorView("app-20261122080000-0001", 3,
            WORKER_ID, "http://127.0.0.1:8081", 2, 512, ExecutorState.RUNNING, null, null, T, T, null, 4243L);

    static Stream<Object> messages() {
        return Stream.of(
                new SubmitDriverRequest("demo", "file:/tmp/a.jar", JVM, 2, 512L, true),
                new SubmitDriverResponse("driver-20261122080000-0001"),
                DRIVER,
                WORKER,
                new ClusterView("http://127.0.0.1:8080", MasterStatus.ALIVE, 7, "http://127.0.0.1:8080", 1, 0, 8, 1,
                        4096, 512,
                        List.of(WORKER), List.of(DRIVER), List.of(), List.of(), List.of(),
                        List.of(new QueueView("etl", 3, 32, 8, 24.0, 1, 2, 3, 4))),
                new QueueView("default", 1, null, 0, 0, 0, 0, 0, 0),
                new SubmitDriverRequest("demo", null, EXE, 1, 64L, false, "etl", -3, Map.of("gpu", 2)),
                new RegisterApplicationRequest("pi", JVM, null, 1, 512L, null, null, null, null, "etl", 7,
                        Map.of("fpga", 1)),
                new RegisterWorker(WORKER.workerId(), "127.0.0.1", 8081, "http://127.0.0.1:8081", 8, 4096, 0, List.of(),
                        List.of(), null, null, Map.of("gpu", List.of("0", "1")), Map.of("spark.version", "4.0.1"),
                        WorkerHealth.unhealthy("the disk is full"), null),
                new Heartbeat(7, List.of(), List.of(), WorkerHealth.HEALTHY),
                HeartbeatReply.DECOMMISSIONED,
                new WorkerDecommissioning(7, "SIGPWR"),
                new DecommissionWorker("http://127.0.0.1:8080", 7, "maintenance"),
                new DecommissionRequest("maintenance"),
                new LaunchDriver("http://127.0.0.1:8080", 7, DRIVER.driverId(),
                        new DriverDescription("demo", null, EXE, 1, 64, false, Map.of("gpu", 1)),
                        Map.of("gpu", List.of("0"))),
                DriverStateChanged.refused(DRIVER.driverId(), "work directory /tmp/work is read-only"),
                ExecutorStateChanged.refused("app-20261122080000-0001", 3, "no space left in /tmp/work"),
                new ClusterHistoryView(10_000, 3_600_000, List.of(new ClusterSample(T, 8, 3, 4096, 1536, 2, 1))),
                new RegisterWorker(WORKER.workerId(), "127.0.0.1", 8081, "http://127.0.0.1:8081", 8, 4096, 0,
                        List.of(new ChildProcess(DRIVER.driverId(), 4242L, T, 1)),
                        List.of(new ChildProcess("app-20261122080000-0001/3", 4243L, T, 0)),
                        new StateReports(List.of(new DriverStateChanged("driver-20261122080000-0002",
                                DriverState.FINISHED, 0, null, 0)), List.of())),
                new MasterChanged("http://127.0.0.1:8090", 8),
                new WorkerLeaving(7, "the worker shut down"),
                new RegisterWorker(WORKER.workerId(), "127.0.0.1", 8081, "http://127.0.0.1:8081", 8, 4096, 0, List.of(),
                        List.of(), null, "http://127.0.0.1:18081", Map.of(), Map.of(), null, "process"),
                new RegisterWorkerReply("http://127.0.0.1:8080", 7, 15000, List.of("driver-20261122080000-0002"),
                        List.of()),
                new Heartbeat(7, List.of(DRIVER.driverId()), List.of("app-20261122080000-0001/0")),
                new HeartbeatReply(true, List.of(), List.of("app-20261122080000-0001/0")),
                new LaunchDriver("http://127.0.0.1:8080", 7, DRIVER.driverId(),
                        new DriverDescription("demo", null, EXE, 1, 64, false)),
                new KillDriver("http://127.0.0.1:8080", 7),
                new DriverStateChanged(DRIVER.driverId(), DriverState.FAILED, 3, "exited with code 3", 1),
                new StateReports(List.of(new DriverStateChanged(DRIVER.driverId(), DriverState.RUNNING, null,
                        null, 0, 4242L), new DriverStateChanged(DRIVER.driverId(), DriverState.FINISHED, 0, null, 0)),
                        List.of(new ExecutorStateChanged("app-20261122080000-0001", 3, ExecutorState.EXITED, 0, null))),
                new WorkerStatus(WORKER.workerId(), WORKER.url(), "http://127.0.0.1:8080", 7, true, 8, 1, 4096, 512,
                        "/tmp/work", List.of(new LocalDriverView(DRIVER.driverId(), "demo", DriverState.RUNNING, 1,
                                512, 4242L, T, null, null, 0, null)), List.of(), List.of(new LocalExecutorView(
                                "app-20261122080000-0001", 3, "pi", ExecutorState.RUNNING, 2, 512, 4243L, T, null,
                                null, null)), List.of()),
                new RegisterApplicationRequest("pi", JVM, "file:/tmp/a.jar", 2, 512L, 12, 6, "http://127.0.0.1:4040",
                        DRIVER.driverId()),
                new RegisterApplicationRequest("pi", JVM, null, 1, 512L, null, null, null, null, "etl", 7,
                        Map.of("fpga", 1), "http://127.0.0.1:4040"),
                new RegisterApplicationResponse("app-20261122080000-0001"),
                new ApplicationView("app-20261122080000-0001", "pi", ApplicationState.RUNNING, DRIVER.driverId(),
                        "http://127.0.0.1:4040", 2, 512, 12, null, 4, T, null, null, List.of(EXECUTOR),
                        "driver/" + DRIVER.driverId(), "bob", "etl", 0, Map.of("gpu", 1),
                        "queue 'etl' is at its 32-core limit", "http://127.0.0.1:4040"),
                new ExecutorLimitRequest(3),
                new ApplicationEvent(ApplicationEventType.EXECUTOR_ADDED, 1, "app-20261122080000-0001", EXECUTOR, null,
                        null),
                new LaunchExecutor("http://127.0.0.1:8080", 7, "app-20261122080000-0001", 3,
                        new ExecutorDescription("pi", JVM, "file:/tmp/a.jar", 2, 512, "http://127.0.0.1:4040")),
                new LaunchExecutor("http://127.0.0.1:8080", 7, "app-20261122080000-0001", 4,
                        new ExecutorDescription("pi", JVM, null, 2, 512, null, Map.of("gpu", List.of("0", "1")))),
                new KillExecutor("http://127.0.0.1:8080", 7),
                new ApplicationFinished("http://127.0.0.1:8080", 7));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void everyMessageSurvivesAJsonRoundTrip(Object message) {
        String json = JSON.writeValueAsString(message);

        Object back = JSON.readValue(json, message.getClass());

        assertThat(back).isEqualTo(message);
    }

    @Test
    void commandHelpersAreNotWrittenAsProperties() {
        String json = JSON.writeValueAsString(EXE);

        assertThat(json).doesNotContain("jvm").doesNotContain("exactlyOneProgram");
    }

    @Test
    void timestampsAreWrittenAsIsoText() {
        assertThat(JSON.writeValueAsString(DRIVER)).contains("\"submittedAt\":\"2026-11-22T08:00:00.123Z\"");
    }

    @Test
    void historySamplesCarryIsoTimestamps() {
        String json = JSON.writeValueAsString(new ClusterHistoryView(10_000, 3_600_000,
                List.of(new ClusterSample(T, 8, 3, 4096, 1536, 2, 1))));

        assertThat(json).contains("\"at\":\"2026-11-22T08:00:00.123Z\"").contains("\"coresUsed\":3")
                .contains("\"executorsRunning\":2").contains("\"driversRunning\":1");
    }

    @Test
    void aSubmissionMayLeaveOutSizesListsAndSupervise() {
        SubmitDriverRequest request = JSON.readValue(
                "{\"name\":\"n\",\"command\":{\"executable\":\"/bin/true\"}}", SubmitDriverRequest.class);

        assertThat(request.cores()).isEqualTo(SubmitDriverRequest.DEFAULT_CORES);
        assertThat(request.memoryMb()).isEqualTo(SubmitDriverRequest.DEFAULT_MEMORY_MB);
        assertThat(request.supervise()).isFalse();
        assertThat(request.command().arguments()).isEmpty();
        assertThat(request.command().environment()).isEmpty();
        assertThat(request.queue()).isEqualTo("default");
        assertThat(request.priority()).isZero();
        assertThat(request.resources()).isEmpty();
    }

    @Test
    void aWorkerOfAnEarlierVersionRegistersWithoutResourcesAttributesOrHealth() {
        RegisterWorker message = JSON.readValue("{\"workerId\":\"" + WORKER_ID + "\",\"host\":\"h\",\"port\":1,"
                + "\"url\":\"http://h:1\",\"cores\":1,\"memoryMb\":1,\"followedEpoch\":0}", RegisterWorker.class);

        assertThat(message.resources()).isEmpty();
        assertThat(message.attributes()).isEmpty();
        assertThat(message.healthOrHealthy()).isEqualTo(WorkerHealth.HEALTHY);
    }
}
