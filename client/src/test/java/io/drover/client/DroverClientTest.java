package io.drover.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.protocol.api.ClusterView;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.LogStream;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.api.WorkerView;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.MasterStatus;
import io.drover.protocol.state.WorkerState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DroverClientTest {

    private static final String NO_WORKERS = "{\"workers\":[],\"page\":0,\"size\":1000,\"total\":0}";

    private static final String DRIVER_ID = "driver-20240101120000-0001";
    private static final String WORKER_ID = "worker-20240101115900-127.0.0.1-8081";

    private FakeMaster master;
    private DroverClient client;

    @BeforeEach
    void start() throws IOException {
        master = new FakeMaster();
        client = DroverClient.builder(master.url() + "/").requestTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void submitDriverPostsTheRequestAsJsonAndReturnsTheId() {
        master.replyJson(201, "{\"driverId\":\"" + DRIVER_ID + "\"}");
        var request = new SubmitDriverRequest("hello", "file:/tmp/app.jar",
                CommandSpec.jvm("io.drover.examples.HelloDriver", List.of("{{APP_RESOURCE}}"), List.of("200000")),
                2, 256L, true);

        String id = client.submitDriver(request);

        assertThat(id).isEqualTo(DRIVER_ID);
        FakeMaster.Request sent = master.lastRequest();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/api/v1/drivers");
        assertThat(sent.contentType()).isEqualTo("application/json");
        assertThat(sent.authorization()).isNull();
        JsonNode body = JsonMapper.shared().readTree(sent.body());
        assertThat(body.get("name").asString()).isEqualTo("hello");
        assertThat(body.get("appResource").asString()).isEqualTo("file:/tmp/app.jar");
        assertThat(body.get("cores").asInt()).isEqualTo(2);
        assertThat(body.get("memoryMb").asLong()).isEqualTo(256);
        assertThat(body.get("supervise").asBoolean()).isTrue();
        assertThat(body.at("/command/mainClass").asString()).isEqualTo("io.drover.examples.HelloDriver");
        assertThat(body.at("/command/classpath/0").asString()).isEqualTo("{{APP_RESOURCE}}");
        assertThat(body.at("/command/arguments/0").asString()).isEqualTo("200000");
        assertThat(body.get("command").has("executable")).as("nulls are left out").isFalse();
    }

    @Test
    void submitDriverRejectsAnotherSuccessStatus() {
        master.replyJson(200, "{\"driverId\":\"" + DRIVER_ID + "\"}");

        assertThatThrownBy(() -> client.submitDriver(echo()))
                .isInstanceOfSatisfying(DroverApiException.class, e -> assertThat(e.status()).isEqualTo(200));
    }

    @Test
    void problemDetailsBecomeApiExceptions() {
        master.reply(400, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"cores: must be greater than 0\",\"instance\":\"/api/v1/drivers\"}");

        assertThatThrownBy(() -> client.submitDriver(echo()))
                .isInstanceOfSatisfying(DroverApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.title()).isEqualTo("Bad Request");
                    assertThat(e.detail()).isEqualTo("cores: must be greater than 0");
                    assertThat(e.method()).isEqualTo("POST");
                    assertThat(e.path()).isEqualTo("/api/v1/drivers");
                    assertThat(e).hasMessage("POST /api/v1/drivers answered 400 Bad Request: cores: must be greater than 0");
                });
    }

    @Test
    void anyOtherErrorBodyBecomesTheDetail() {
        master.reply(502, "text/html", "<html>proxy error</html>");

        assertThatThrownBy(() -> client.cluster())
                .isInstanceOfSatisfying(DroverApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.title()).isNull();
                    assertThat(e.detail()).isEqualTo("<html>proxy error</html>");
                });
    }

    @Test
    void sendsTheBearerTokenWhenGiven() {
        master.replyJson(200, NO_WORKERS);
        DroverClient withToken = DroverClient.builder(master.url()).bearerToken("s3cret").build();

        assertThat(withToken.workers()).isEmpty();
        assertThat(master.lastRequest().authorization()).isEqualTo("Bearer s3cret");
    }

    @Test
    void readsOneDriverAndIgnoresUnknownFields() {
        master.replyJson(200, driverJson(DriverState.FINISHED));

        DriverView view = client.driver(DRIVER_ID);

        assertThat(master.lastRequest().path()).isEqualTo("/api/v1/drivers/" + DRIVER_ID);
        assertThat(master.lastRequest().method()).isEqualTo("GET");
        assertThat(view.driverId()).isEqualTo(DRIVER_ID);
        assertThat(view.state()).isEqualTo(DriverState.FINISHED);
        assertThat(view.workerId()).isEqualTo(WORKER_ID);
        assertThat(view.command().executable()).isEqualTo("/bin/echo");
        assertThat(view.command().arguments()).containsExactly("hi");
        assertThat(view.submittedAt()).isEqualTo(Instant.parse("2024-01-01T12:00:00Z"));
        assertThat(view.exitCode()).isZero();
        assertThat(view.startedAt()).isNull();
    }

    @Test
    void unknownDriverIsA404() {
        master.reply(404, "application/problem+json",
                "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no driver driver-20240101120000-0009\"}");

        assertThatThrownBy(() -> client.driver("driver-20240101120000-0009"))
                .isInstanceOfSatisfying(DroverApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.detail()).isEqualTo("no driver driver-20240101120000-0009");
                });
    }

    @Test
    void idsAreEncodedAsOnePathSegment() {
        master.replyJson(200, driverJson(DriverState.RUNNING));

        client.driver("a/b c");

        assertThat(master.lastRequest().path()).isEqualTo("/api/v1/drivers/a%2Fb%20c");
        assertThatThrownBy(() -> client.driver(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsDriversWithAndWithoutAStateFilter() {
        master.replyJson(200, "[" + driverJson(DriverState.RUNNING) + "]");

        assertThat(client.drivers()).extracting(DriverView::state).containsExactly(DriverState.RUNNING);
        assertThat(master.lastRequest().path()).isEqualTo("/api/v1/drivers");
        assertThat(master.lastRequest().query()).isNull();

        assertThat(client.drivers(DriverState.RUNNING)).hasSize(1);
        assertThat(master.lastRequest().path()).isEqualTo("/api/v1/drivers");
        assertThat(master.lastRequest().query()).isEqualTo("state=RUNNING");
    }

    @Test
    void killDriverPostsToKillAndExpects202() {
        master.reply(202, null, "");

        client.killDriver(DRIVER_ID);

        assertThat(master.lastRequest().method()).isEqualTo("POST");
        assertThat(master.lastRequest().path()).isEqualTo("/api/v1/drivers/" + DRIVER_ID + "/kill");
    }

    @Test
    void killingAFinishedDriverIsAConflict() {
        master.reply(409, "application/problem+json",
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"driver is already FINISHED\"}");

        assertThatThrownBy(() -> client.killDriver(DRIVER_ID))
                .isInstanceOfSatisfying(DroverApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.title()).isEqualTo("Conflict");
                });
    }

    @Test
    void driverLogAsksForAByteRangeAsText() {
        master.reply(200, "text/plain;charset=UTF-8", "primes below 200000: 17984\n");

        String log = client.driverLog(DRIVER_ID, LogStream.STDERR, 10, 4096);

        assertThat(log).isEqualTo("primes below 200000: 17984\n");
        FakeMaster.Request sent = master.lastRequest();
        assertThat(sent.path()).isEqualTo("/api/v1/drivers/" + DRIVER_ID + "/logs/stderr");
        assertThat(sent.query()).isEqualTo("offset=10&length=4096");
        assertThat(sent.accept()).contains("text/plain");
    }

    @Test
    void readsWorkers() {
        master.replyJson(200, "{\"workers\":[" + workerJson() + "],\"page\":0,\"size\":1000,\"total\":1}")
                .replyJson(200, workerJson());

        List<WorkerView> workers = client.workers();

        assertThat(master.lastRequest().path()).isEqualTo("/api/v1/workers");
        assertThat(master.lastRequest().query()).isEqualTo("page=0&size=1000");
        assertThat(workers).singleElement().satisfies(w -> {
            assertThat(w.workerId()).isEqualTo(WORKER_ID);
            assertThat(w.state()).isEqualTo(WorkerState.ALIVE);
            assertThat(w.cores()).isEqualTo(2);
            assertThat(w.driverIds()).containsExactly(DRIVER_ID);
        });

        assertThat(client.worker(WORKER_ID).port()).isEqualTo(8081);
        assertThat(master.lastRequest().path()).isEqualTo("/api/v1/workers/" + WORKER_ID);
    }

    @Test
    void readsTheCluster() {
        master.replyJson(200, "{\"url\":\"http://127.0.0.1:8080\",\"status\":\"ALIVE\",\"epoch\":3,"
                + "\"aliveWorkers\":1,\"deadWorkers\":0,\"cores\":2,\"coresUsed\":1,\"memoryMb\":2048,"
                + "\"memoryUsedMb\":64,\"workers\":[" + workerJson() + "],"
                + "\"activeDrivers\":[" + driverJson(DriverState.RUNNING) + "],\"completedDrivers\":[]}");

        ClusterView cluster = client.cluster(true);

        assertThat(master.lastRequest().path()).isEqualTo("/api/v1/cluster");
        assertThat(master.lastRequest().query()).isEqualTo("full=true");
        assertThat(cluster.status()).isEqualTo(MasterStatus.ALIVE);
        assertThat(cluster.epoch()).isEqualTo(3);
        assertThat(cluster.workers()).hasSize(1);
        assertThat(cluster.activeDrivers()).extracting(DriverView::driverId).containsExactly(DRIVER_ID);
    }

    @Test
    void awaitDriverPollsUntilTheConditionHolds() {
        master.replyJson(200, driverJson(DriverState.SUBMITTED))
                .replyJson(200, driverJson(DriverState.RUNNING))
                .replyJson(200, driverJson(DriverState.FINISHED));

        DriverView done = client.awaitDriver(DRIVER_ID, DriverState::isTerminal, Duration.ofSeconds(5));

        assertThat(done.state()).isEqualTo(DriverState.FINISHED);
        assertThat(master.requests()).hasSize(3);
    }

    @Test
    void awaitDriverGivesUpAfterTheTimeout() {
        master.replyJson(200, driverJson(DriverState.RUNNING));

        assertThatThrownBy(() -> client.awaitDriver(DRIVER_ID, DriverState::isTerminal, Duration.ofMillis(300)))
                .isExactlyInstanceOf(DroverClientException.class)
                .hasMessageContaining("still RUNNING");
        assertThat(master.requests().size()).isGreaterThan(1);
    }

    @Test
    void awaitDriverStopsAtAFinalStateThatCannotMatch() {
        master.replyJson(200, driverJson(DriverState.FAILED));

        assertThatThrownBy(() -> client.awaitDriver(DRIVER_ID, s -> s == DriverState.RUNNING, Duration.ofSeconds(30)))
                .isExactlyInstanceOf(DroverClientException.class)
                .hasMessageContaining("ended FAILED");
        assertThat(master.requests()).hasSize(1);
    }

    @Test
    void aBodyOfTheWrongShapeIsAClientException() {
        master.replyJson(200, "{\"not\":\"a list\"}");

        assertThatThrownBy(() -> client.workers())
                .isExactlyInstanceOf(DroverClientException.class)
                .hasMessageContaining("GET /api/v1/workers");
    }

    @Test
    void aRefusedConnectionIsAClientExceptionOnceTheFailoverTimeoutPasses() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        DroverClient nobody = DroverClient.builder("http://127.0.0.1:" + port)
                .connectTimeout(Duration.ofSeconds(2)).failoverTimeout(Duration.ofMillis(300)).build();

        assertThatThrownBy(nobody::cluster)
                .isExactlyInstanceOf(DroverClientException.class)
                .hasMessageContaining("GET http://127.0.0.1:" + port + "/api/v1/cluster failed");
    }

    @Test
    void keepsAPathPrefixOfTheMasterUrl() {
        master.replyJson(200, NO_WORKERS);
        DroverClient behindProxy = DroverClient.create(master.url() + "/drover");

        behindProxy.workers();

        assertThat(master.lastRequest().path()).isEqualTo("/drover/api/v1/workers");
    }

    @Test
    void rejectsUrlsThatAreNotHttp() {
        assertThatThrownBy(() -> DroverClient.create("127.0.0.1:8080")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DroverClient.create("ftp://host/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DroverClient.builder("http://host").requestTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SubmitDriverRequest echo() {
        return new SubmitDriverRequest("echo", null, CommandSpec.executable("/bin/echo", List.of("hi")), 1, 64L, false);
    }

    private static String driverJson(DriverState state) {
        return "{\"driverId\":\"" + DRIVER_ID + "\",\"name\":\"echo\",\"state\":\"" + state + "\","
                + "\"workerId\":\"" + WORKER_ID + "\",\"workerUrl\":\"http://127.0.0.1:8081\",\"appResource\":null,"
                + "\"command\":{\"mainClass\":null,\"classpath\":[],\"javaOptions\":[],\"executable\":\"/bin/echo\","
                + "\"arguments\":[\"hi\"],\"environment\":{}},\"cores\":1,\"memoryMb\":64,\"supervise\":false,"
                + "\"submittedAt\":\"2024-01-01T12:00:00Z\",\"launchedAt\":\"2024-01-01T12:00:00.120Z\","
                + "\"startedAt\":null,\"endedAt\":null,\"exitCode\":0,\"restarts\":0,\"message\":null,"
                + "\"addedInALaterVersion\":{\"x\":1}}";
    }

    private static String workerJson() {
        return "{\"workerId\":\"" + WORKER_ID + "\",\"host\":\"127.0.0.1\",\"port\":8081,"
                + "\"url\":\"http://127.0.0.1:8081\",\"state\":\"ALIVE\",\"cores\":2,\"coresUsed\":1,"
                + "\"memoryMb\":2048,\"memoryUsedMb\":64,\"registeredAt\":\"2024-01-01T11:59:00Z\","
                + "\"lastHeartbeat\":\"2024-01-01T12:00:05Z\",\"driverIds\":[\"" + DRIVER_ID + "\"]}";
    }
}
