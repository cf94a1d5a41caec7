package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.cluster.SparkRestClient.Answer;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.LogStream;
import io.drover.protocol.state.DriverState;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spark's REST submission protocol on the master's Spark port, request by request and error by error, against
 * the transcript of Spark 4.2's own server ({@code shared/reference/spark-rest/rest-protocol.md}). The drivers
 * are tiny Java mains; the worker offers a Spark home that has Spark's shape but not its jars, which these
 * drivers do not need (the real Spark runs in {@link SparkOnDroverTest} and {@link SparkSubmitTest}).
 */
class SparkRestProtocolTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path root;

    private static TestCluster cluster;
    private static SparkRestClient spark;
    private static String appJar;

    @BeforeAll
    static void startCluster() throws IOException {
        cluster = TestCluster.start(root.resolve("cluster"), "--drover.spark.rest.enabled=true",
                "--drover.spark.rest.port=0");
        Path home = fakeSparkHome(root.resolve("spark"));
        Path appDir = Files.createDirectories(root.resolve("app"));
        appJar = "file:" + TestJars.jarOf(appDir, AnchorMain.class);
        // A repeated option is joined to the fixture's allowed directories with a comma.
        cluster.addWorker(2, 2048, "--drover.worker.spark-home=" + home,
                "--drover.worker.spark-plugin=" + home.resolve("drover-spark-plugin.jar"),
                "--drover.worker.allowed-resource-dirs=" + appDir);
        spark = new SparkRestClient(SparkRestClient.sparkPort(cluster.masterContext()));
    }

    /** Spark's layout with empty jars: enough for a worker to offer "Spark" to drivers that need none of it. */
    static Path fakeSparkHome(Path home) throws IOException {
        Files.createDirectories(home.resolve("jars"));
        for (Path jar : List.of(home.resolve("jars/spark-core_2.13-4.2.0.jar"), home.resolve("drover-spark-plugin.jar"))) {
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream empty = new JarOutputStream(out,
                    new Manifest())) {
                empty.flush();
            }
        }
        return home;
    }

    @AfterEach
    void killWhatIsLeft() throws Exception {
        spark.post("/v1/submissions/killall", null);
        await("every driver ended").atMost(WAIT).until(() -> cluster.client.drivers().stream()
                .allMatch(d -> d.state().isTerminal()));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        NoProcessesLeft.assertNoneLeft();
    }

    private static String create(String... args) {
        return create(Map.of(), args);
    }

    private static String create(Map<String, String> properties, String... args) {
        return SparkRestClient.createRequest(appJar, AnchorMain.class.getName(), List.of(args), properties, Map.of());
    }

    private static String submit(String body) throws Exception {
        Answer answer = spark.post("/v1/submissions/create", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.field("success")).isEqualTo("true");
        return answer.field("submissionId");
    }

    private static Answer status(String id) throws Exception {
        return spark.get("/v1/submissions/status/" + id);
    }

    private static Answer awaitState(String id, String state) {
        return await(id + " " + state).atMost(WAIT).until(() -> status(id), a -> state.equals(a.field("driverState")));
    }

    private static void assertError(Answer answer, int status, String messageStart) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/json;charset=utf-8");
        assertThat(answer.field("action")).isEqualTo("ErrorResponse");
        assertThat(answer.field("serverSparkVersion")).isEqualTo("4.2.0");
        assertThat(answer.field("message")).startsWith(messageStart);
        assertThat(answer.json().has("success")).isFalse();
    }

    @Test
    void readyzAnswersExactlyAsSparksServerWritesIt() throws Exception {
        Answer answer = spark.get("/v1/submissions/readyz");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json;charset=utf-8");
        assertThat(answer.body()).isEqualTo("""
                {
                  "action" : "ReadyzResponse",
                  "message" : "",
                  "serverSparkVersion" : "4.2.0",
                  "success" : true
                }""");
    }

    static Stream<Arguments> pathsSparksErrorServletAnswers() {
        String guide = " Please submit requests through http://[host]:[port]/v1/submissions/...";
        String noAction = "Missing an action: please specify one of /create, /kill, /killall, /clear, /status, or /readyz.";
        return Stream.of(
                Arguments.of("/", "Missing protocol version." + guide),
                Arguments.of("/v1", "Missing the /submissions prefix." + guide),
                Arguments.of("/v1/submissions", noAction + guide),
                Arguments.of("/v1/submissions/frobnicate", noAction + guide));
    }

    @ParameterizedTest
    @MethodSource("pathsSparksErrorServletAnswers")
    void pathsWithoutAVersionAPrefixOrAnActionAnswer400WithSparksWords(String path, String message) throws Exception {
        Answer answer = spark.get(path);

        assertError(answer, 400, message);
        assertThat(answer.field("message")).isEqualTo(message);
    }

    @Test
    void anotherProtocolVersionAnswers468WithTheHighestVersionSparkSpeaks() throws Exception {
        for (Answer answer : List.of(spark.post("/v2/submissions/create", create()),
                spark.get("/v2/submissions/status/driver-x"))) {
            assertError(answer, 468, "Unknown protocol version 'v2'. Please submit requests through");
            assertThat(answer.field("highestProtocolVersion")).isEqualTo("v1");
        }
    }

    @Test
    void aSubmissionBecomesADroverDriverRunAsAPlainJvmWithSparksSettings() throws Exception {
        Answer created = spark.post("/v1/submissions/create", create("hello", "a1", "b2"));

        assertThat(created.status()).isEqualTo(200);
        String id = created.field("submissionId");
        assertThat(id).matches("driver-\\d{14}-\\d{4}");
        assertThat(created.field("action")).isEqualTo("CreateSubmissionResponse");
        assertThat(created.field("message")).isEqualTo("Driver successfully submitted as " + id);
        assertThat(created.json().has("unknownFields")).isFalse();

        Answer finished = awaitState(id, "FINISHED");
        DriverView driver = cluster.client.driver(id);
        assertThat(finished.field("workerId")).isEqualTo(driver.workerId());
        assertThat(finished.field("workerHostPort")).isEqualTo(URI.create(driver.workerUrl()).getAuthority());
        assertThat(driver.submittedBy()).isEqualTo("spark-rest");
        assertThat(driver.memoryMb()).isEqualTo(256);
        assertThat(driver.command().classpath()).startsWith("{{SPARK_CLASSPATH}}", "{{APP_RESOURCE}}");
        assertThat(driver.command().javaOptions()).contains("--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Dspark.master=drover://" + URI.create(cluster.masterUrl).getAuthority(), "-Dspark.app.name="
                        + AnchorMain.class.getName(), "-Dspark.jars={{APP_RESOURCE}}");
        assertThat(driver.command().environment()).containsEntry("SPARK_ENV_LOADED", "1")
                .doesNotContainKey("SPARK_LOCAL_IP");
        assertThat(cluster.client.driverLog(id, LogStream.STDOUT, 0, 4096))
                .contains("hello from anchors, args=hello,a1,b2");
    }

    @Test
    void unknownTopLevelFieldsAreAcceptedAndNamedBack() throws Exception {
        String body = SparkRestClient.createRequest(appJar, AnchorMain.class.getName(), List.of(), Map.of(),
                Map.of("fooField", 1, "barField", Map.of("x", true)));

        Answer answer = spark.post("/v1/submissions/create", body);

        assertThat(answer.field("success")).isEqualTo("true");
        assertThat(answer.json().get("unknownFields").values().stream().map(n -> n.asString()))
                .containsExactlyInAnyOrder("fooField", "barField");
    }

    @Test
    void killStopsARunningSubmission() throws Exception {
        String id = submit(create("sleep", "600000"));
        assertThat(awaitState(id, "RUNNING").field("workerId")).isNotNull();

        Answer killed = spark.post("/v1/submissions/kill/" + id, null);

        assertThat(killed.status()).isEqualTo(200);
        assertThat(killed.field("action")).isEqualTo("KillSubmissionResponse");
        assertThat(killed.field("success")).isEqualTo("true");
        assertThat(killed.field("submissionId")).isEqualTo(id);
        assertThat(killed.field("message")).isEqualTo("Kill request for " + id + " submitted");
        assertThat(awaitState(id, "KILLED").field("workerHostPort")).isNotNull();
    }

    @Test
    void killingAnEndedOrUnknownSubmissionAnswersSuccessFalse() throws Exception {
        String id = submit(create("hello"));
        awaitState(id, "FINISHED");

        for (String target : List.of(id, "driver-00000000000000-9999")) {
            Answer answer = spark.post("/v1/submissions/kill/" + target, null);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.field("success")).isEqualTo("false");
            assertThat(answer.field("submissionId")).isEqualTo(target);
            assertThat(answer.field("message")).isEqualTo("Driver " + target + " has already finished or does not exist");
        }
    }

    @Test
    void statusOfAnUnknownSubmissionIsSuccessFalseWithoutAState() throws Exception {
        Answer answer = status("driver-00000000000000-9999");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("""
                {
                  "action" : "SubmissionStatusResponse",
                  "serverSparkVersion" : "4.2.0",
                  "submissionId" : "driver-00000000000000-9999",
                  "success" : false
                }""");
    }

    @Test
    void killAndStatusWithoutAnIdAnswer400() throws Exception {
        assertError(spark.post("/v1/submissions/kill/", null), 400, "Submission ID is missing in kill request.");
        assertError(spark.get("/v1/submissions/status/"), 400, "Submission ID is missing in status request.");
    }

    @Test
    void aDriverThatExitsNonZeroEndsFailed() throws Exception {
        String id = submit(create("exit", "3"));

        awaitState(id, "FAILED");
        assertThat(cluster.client.driver(id).exitCode()).isEqualTo(3);
    }

    @Test
    void anAppResourceThatCannotBeFetchedEndsErrorWithTheClustersException() throws Exception {
        String id = submit(SparkRestClient.createRequest("file:/nonexistent/missing.jar", AnchorMain.class.getName(),
                List.of(), Map.of(), Map.of()));

        Answer error = awaitState(id, "ERROR");
        assertThat(error.field("message")).startsWith("Exception from the cluster:\n").contains("missing.jar");
    }

    @Test
    void aSubmissionWaitingForRoomIsSubmittedWithoutAWorkerAndCanBeKilled() throws Exception {
        String big = submit(create(Map.of("spark.driver.cores", "2"), "sleep", "600000"));
        awaitState(big, "RUNNING");
        String queued = submit(create("hello"));

        Answer waiting = status(queued);
        assertThat(waiting.field("driverState")).isEqualTo("SUBMITTED");
        assertThat(waiting.json().has("workerId")).isFalse();
        assertThat(waiting.json().has("workerHostPort")).isFalse();

        assertThat(spark.post("/v1/submissions/kill/" + queued, null).field("success")).isEqualTo("true");
        assertThat(status(queued).field("driverState")).isEqualTo("KILLED");
    }

    @Test
    void aDriverBiggerThanEveryWorkerIsRefusedWithAClearError() throws Exception {
        int before = cluster.client.drivers().size();

        Answer answer = spark.post("/v1/submissions/create", create(Map.of("spark.driver.memory", "64g")));

        assertError(answer, 400, "memoryMb: 65536 is more than any worker offers");
        assertThat(cluster.client.drivers()).hasSize(before);
    }

    @Test
    void aSupervisedDriverThatKeepsFailingStaysRunningUntilKilled() throws Exception {
        String id = submit(create(Map.of("spark.driver.supervise", "true"), "exit", "5"));

        await("restarted by its worker").atMost(WAIT).until(() -> cluster.client.driver(id).restarts() >= 1);
        assertThat(status(id).field("driverState")).isIn("RUNNING");

        assertThat(spark.post("/v1/submissions/kill/" + id, null).field("success")).isEqualTo("true");
        awaitState(id, "KILLED");
    }

    static Stream<Arguments> malformedCreates() {
        String valid = SparkRestClient.createRequest("file:/x.jar", "anchors.Hello", List.of("a1"), Map.of(), Map.of());
        String validation = "Malformed request: org.apache.spark.deploy.rest.SubmitRestProtocolException: "
                + "Validation of message CreateSubmissionRequest failed!";
        return Stream.of(
                Arguments.of("malformed JSON", "{\"action\": \"CreateSubmissionRequest\", \"appResource\": ",
                        "Malformed request: "),
                Arguments.of("empty body", "", "Malformed request: "),
                Arguments.of("missing action", valid.replace("\"action\":\"CreateSubmissionRequest\",", ""),
                        "Malformed request: org.apache.spark.deploy.rest.SubmitRestMissingFieldException: "
                                + "Action field not found in JSON:"),
                Arguments.of("unknown action (Spark: an HTML 500)", valid.replace("CreateSubmissionRequest", "FooRequest"),
                        "Malformed request: java.lang.ClassNotFoundException: org.apache.spark.deploy.rest.FooRequest"),
                Arguments.of("a response instead of a request", "{\"action\": \"KillSubmissionResponse\", "
                        + "\"serverSparkVersion\": \"4.2.0\", \"submissionId\": \"x\", \"success\": true}",
                        "Received message of unexpected type KillSubmissionResponse."),
                Arguments.of("missing mainClass", without("mainClass"),
                        "Malformed request: org.apache.spark.deploy.rest.SubmitRestMissingFieldException: "
                                + "Main class is missing."),
                Arguments.of("missing appResource", without("appResource"), validation),
                Arguments.of("missing clientSparkVersion", without("clientSparkVersion"), validation),
                Arguments.of("missing sparkProperties", without("sparkProperties"), validation),
                Arguments.of("non-memory driver memory", property("spark.driver.memory", "lots"), validation),
                Arguments.of("non-numeric driver cores", property("spark.driver.cores", "two"), validation),
                Arguments.of("non-boolean supervise", property("spark.driver.supervise", "maybe"), validation),
                Arguments.of("appArgs as a string", SparkRestClient.createRequest("file:/x.jar", "anchors.Hello", List.of(), Map.of(),
                        Map.of("appArgs", "a1 b2")),
                        "Malformed request: "));
    }

    private static String without(String field) {
        Map<String, Object> changes = new java.util.HashMap<>();
        changes.put(field, null);
        return SparkRestClient.createRequest("file:/x.jar", "anchors.Hello", List.of("a1"), Map.of(), changes);
    }

    private static String property(String key, String value) {
        return SparkRestClient.createRequest("file:/x.jar", "anchors.Hello", List.of(), Map.of(key, value), Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedCreates")
    void aMalformedCreateAnswers400WithSparksMessageAndSubmitsNothing(String what, String body, String message)
            throws Exception {
        int before = cluster.client.drivers().size();

        assertError(spark.post("/v1/submissions/create", body), 400, message);
        assertThat(cluster.client.drivers()).hasSize(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /v1/submissions/create", "POST /v1/submissions/status/driver-x",
            "GET /v1/submissions/kill/driver-x", "GET /v1/submissions/killall", "GET /v1/submissions/clear",
            "POST /v1/submissions/readyz"})
    void aWrongMethodAnswers405InJson(String call) throws Exception {
        String[] parts = call.split(" ");

        assertError(spark.send(parts[0], parts[1], null), 405,
                "HTTP method " + parts[0] + " is not supported by this URL");
    }

    @Test
    void killAllKillsEverySubmissionAndSucceedsWithNothingLeft() throws Exception {
        String first = submit(create("sleep", "600000"));
        String second = submit(create("sleep", "600000"));
        awaitState(first, "RUNNING");
        awaitState(second, "RUNNING");

        Answer answer = spark.post("/v1/submissions/killall", null);

        assertThat(answer.body()).isEqualTo("""
                {
                  "action" : "KillAllSubmissionResponse",
                  "message" : "Kill request for all drivers submitted",
                  "serverSparkVersion" : "4.2.0",
                  "success" : true
                }""");
        awaitState(first, "KILLED");
        awaitState(second, "KILLED");
        assertThat(spark.post("/v1/submissions/killall", null).field("success")).isEqualTo("true");
    }

    @Test
    void clearForgetsEndedSubmissionsForSparksClients() throws Exception {
        String id = submit(create("hello"));
        awaitState(id, "FINISHED");

        Answer cleared = spark.post("/v1/submissions/clear", null);

        assertThat(cleared.field("action")).isEqualTo("ClearResponse");
        assertThat(cleared.field("success")).isEqualTo("true");
        assertThat(cleared.field("message")).isEmpty();
        assertThat(status(id).field("success")).isEqualTo("false");
        assertThat(cluster.client.driver(id).state()).as("Drover's own API still lists it").isEqualTo(DriverState.FINISHED);
    }

    @Test
    void droversRoutesDoNotAnswerOnTheSparkPortNorSparksOnDroversPort() throws Exception {
        assertError(spark.get("/api/v1/drivers"), 468, "Unknown protocol version 'api'.");
        assertError(spark.get("/actuator/health"), 468, "Unknown protocol version 'actuator'.");

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> withoutToken = http.send(java.net.http.HttpRequest.newBuilder(
                URI.create(cluster.masterUrl + "/v1/submissions/readyz")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withToken = http.send(Credentials.authorized(cluster.masterUrl + "/v1/submissions/readyz")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(401);
        assertThat(withToken.statusCode()).isEqualTo(404);
    }
}
