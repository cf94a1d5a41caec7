package io.drover.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.protocol.api.ApplicationEvent;
import io.drover.protocol.api.ApplicationEventType;
import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.ClusterHistoryView;
import io.drover.protocol.api.ClusterSample;
import io.drover.protocol.api.ClusterView;
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
import io.drover.protocol.internal.DriverDescription;
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
            T, T, T, null, null, 2, null, "alice", null);
    private static final String WORKER_ID = "worker-20261122080000-127.0.0.1-8081";
    private static final WorkerView WORKER = new WorkerView(WORKER_ID, "127.0.0.1", 8081,
            "http://127.0.0.1:8081", WorkerState.ALIVE, 8, 1, 4096, 512, T, T, List.of(DRIVER.driverId()),
            List.of("app-20261122080000-0001/3"));

    private static final ExecutorView EXECUTOR = new ExecutorView("app-20261122080000-0001", 3,
            WORKER_ID, "http://127.0.0.1:8081", 2, 512, ExecutorState.RUNNING, null, null, T, T, null);

    static Stream<Object> messages() {
        return Stream.of(
                new SubmitDriverRequest("demo", "file:/tmp/a.jar", JVM, 2, 512L, true),
                new SubmitDriverResponse("driver-20261122080000-0001"),
                DRIVER,
                WORKER,
                new ClusterView("http://127.0.0.1:8080", MasterStatus.ALIVE, 7, 1, 0, 8, 1, 4096, 512,
                        List.of(WORKER), List.of(DRIVER), List.of(), List.of(), List.of()),
                new ClusterHistoryView(10_000, 3_600_000, List.of(new ClusterSample(T, 8, 3, 4096, 1536, 2, 1))),
                new RegisterWorker(WORKER.workerId(), "127.0.0.1", 8081, "http://127.0.0.1:8081", 8, 4096, 0,
                        List.of(DRIVER.driverId()), List.of("app-20261122080000-0001/3"), "process"),
                new RegisterWorkerReply("http://127.0.0.1:8080", 7, 15000, List.of("driver-20261122080000-0002"),
                        List.of()),
                new Heartbeat(7, List.of(DRIVER.driverId()), List.of("app-20261122080000-0001/0")),
                new HeartbeatReply(true, List.of(), List.of("app-20261122080000-0001/0")),
                new LaunchDriver("http://127.0.0.1:8080", 7, DRIVER.driverId(),
                        new DriverDescription("demo", null, EXE, 1, 64, false)),
                new KillDriver("http://127.0.0.1:8080", 7),
                new DriverStateChanged(DRIVER.driverId(), DriverState.FAILED, 3, "exited with code 3", 1),
                new StateReports(List.of(new DriverStateChanged(DRIVER.driverId(), DriverState.RUNNING, null,
                        null, 0), new DriverStateChanged(DRIVER.driverId(), DriverState.FINISHED, 0, null, 0)),
                        List.of(new ExecutorStateChanged("app-20261122080000-0001", 3, ExecutorState.EXITED, 0, null))),
                new WorkerStatus(WORKER.workerId(), WORKER.url(), "http://127.0.0.1:8080", 7, true, 8, 1, 4096, 512,
                        "/tmp/work", List.of(new LocalDriverView(DRIVER.driverId(), "demo", DriverState.RUNNING, 1,
                                512, 4242L, T, null, null, 0, null)), List.of(), List.of(new LocalExecutorView(
                                "app-20261122080000-0001", 3, "pi", ExecutorState.RUNNING, 2, 512, 4243L, T, null,
                                null, null)), List.of()),
                new RegisterApplicationRequest("pi", JVM, "file:/tmp/a.jar", 2, 512L, 12, 6, "http://127.0.0.1:4040",
                        DRIVER.driverId()),
                new RegisterApplicationResponse("app-20261122080000-0001"),
                new ApplicationView("app-20261122080000-0001", "pi", ApplicationState.RUNNING, DRIVER.driverId(),
                        "http://127.0.0.1:4040", 2, 512, 12, null, 4, T, null, null, List.of(EXECUTOR),
                        "driver/" + DRIVER.driverId(), "bob"),
                new ExecutorLimitRequest(3),
                new ApplicationEvent(ApplicationEventType.EXECUTOR_ADDED, 1, "app-20261122080000-0001", EXECUTOR, null,
                        null),
                new LaunchExecutor("http://127.0.0.1:8080", 7, "app-20261122080000-0001", 3,
                        new ExecutorDescription("pi", JVM, "file:/tmp/a.jar", 2, 512, "http://127.0.0.1:4040")),
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
    }
}
