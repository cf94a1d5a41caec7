package io.drover.master.api;

import io.drover.master.TestDataDir;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.master.MasterApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The master's public API on a real server: bad input answers problem+json naming the problem, and changes nothing. */
class MasterApiTest {

    private static ConfigurableApplicationContext master;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SECRET = "master-api-test-secret";

    /** Every call presents the cluster secret; what happens without one is SecurityTest's subject. */
    private static HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + SECRET);
    }

    @BeforeAll
    static void start() {
        master = MasterApplication.builder().run("--server.port=0", TestDataDir.argument(), "--drover.auth.secret=" + SECRET);
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) master).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        master.close();
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(authorized(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(authorized(path).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON               | {"name":                                                                          | not valid JSON
            missing command              | {"name":"x","cores":1,"memoryMb":64}                                              | command
            both programs                | {"name":"x","command":{"mainClass":"a.B","executable":"/bin/true"}}             | exactly one of mainClass and executable
            neither program              | {"name":"x","command":{"arguments":["a"]}}                                        | exactly one of mainClass and executable
            zero cores                   | {"name":"x","command":{"executable":"/bin/true"},"cores":0}                      | cores
            negative memory              | {"name":"x","command":{"executable":"/bin/true"},"memoryMb":-5}                  | memoryMb
            cores of the wrong type      | {"name":"x","command":{"executable":"/bin/true"},"cores":"many"}                 | cores
            missing name                 | {"command":{"executable":"/bin/true"}}                                            | name
            unsupported appResource      | {"name":"x","appResource":"ftp://h/a.jar","command":{"executable":"/bin/true"}}  | appResource
            """)
    void aBadSubmissionIsRefusedWithAProblemNamingItAndChangesNothing(String what, String body, String named)
            throws Exception {
        String before = get("/api/v1/drivers").body();

        HttpResponse<String> response = post("/api/v1/drivers", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains(named);
        assertThat(get("/api/v1/drivers").body()).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() throws Exception {
        HttpResponse<String> response = HTTP.send(authorized("/api/v1/drivers")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    /**
     * Found by the fuzz: Tomcat refuses TRACE itself and goes straight to the error page, where a charset named
     * {@code charset=} made decoding the path throw, and Tomcat answered with its HTML 500.
     */
    @Test
    void aTraceWithAnUnreadableCharsetIsAProblemNotAServerError() throws Exception {
        HttpResponse<String> response = HTTP.send(authorized("/api/v1/drivers/driver-20261122080000-9999")
                .header("Content-Type", "application/json;charset=")
                .method("TRACE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("Content-Type");
    }

    /** Found by the fuzz: the firewall refused the form's parameter names inside MVC, which answered 500. */
    @Test
    void aFormBodyWithParameterNamesTheFirewallRefusesIsABadRequest() throws Exception {
        String before = get("/api/v1/drivers").body();

        HttpResponse<String> response = HTTP.send(authorized("/api/v1/drivers")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("%E2%80%A8%01name=x")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(get("/api/v1/drivers").body()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /api/v1/drivers/driver-20261122080000-9999                | 404 | no driver
            GET  | /api/v1/drivers/not-an-id                                 | 400 | not a driver id
            POST | /api/v1/drivers/driver-20261122080000-9999/kill           | 404 | no driver
            GET  | /api/v1/drivers/driver-20261122080000-9999/logs/stdout    | 404 | no driver
            GET  | /api/v1/drivers/driver-20261122080000-9999/logs/passwd    | 400 | stream
            GET  | /api/v1/workers/worker-20261122080000-nowhere-1           | 404 | no worker
            GET  | /api/v1/drivers?state=SLEEPING                            | 400 | state
            GET  | /api/v1/workers?state=SLEEPING                            | 400 | state
            GET  | /api/v1/workers?page=-1                                   | 400 | page
            GET  | /api/v1/workers?size=0                                    | 400 | size
            GET  | /api/v1/workers?size=1001                                 | 400 | size
            """)
    void unknownIdsAndBadParametersAreNamed(String method, String path, int status, String named) throws Exception {
        HttpResponse<String> response = method.equals("GET") ? get(path) : post(path, "");

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).contains(named);
    }

    @Test
    void theClusterDocumentShowsAnAliveMasterAtItsUrl() throws Exception {
        HttpResponse<String> response = get("/api/v1/cluster");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"ALIVE\"").contains("\"url\":\"" + base + "\"");
    }

    @Test
    void aSubmissionWithNoWorkerIsAcceptedAndWaits() throws Exception {
        HttpResponse<String> response = post("/api/v1/drivers",
                "{\"name\":\"waits\",\"command\":{\"executable\":\"/bin/true\"},\"cores\":1,\"memoryMb\":64}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith("/api/v1/drivers/driver-"));
        assertThat(response.body()).contains("\"driverId\":\"driver-");
    }

    @Test
    void theOverviewPageRendersAndEscapesWhatUsersSubmitted() throws Exception {
        post("/api/v1/drivers", "{\"name\":\"<script>alert(1)</script>\",\"command\":{\"executable\":\"/bin/true\"}}");

        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Drover master at " + base).contains("Active Drivers")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    private static HttpResponse<String> put(String path, String json) throws Exception {
        return HTTP.send(authorized(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON                     | {"name":                                                                                        | not valid JSON
            missing executor command           | {"name":"a","memoryPerExecutorMb":64}                                                           | executorCommand
            zero memory per executor           | {"name":"a","executorCommand":{"executable":"/bin/true"},"memoryPerExecutorMb":0}              | memoryPerExecutorMb
            negative cores per executor        | {"name":"a","executorCommand":{"executable":"/bin/true"},"coresPerExecutor":-1}                | coresPerExecutor
            zero max cores                     | {"name":"a","executorCommand":{"executable":"/bin/true"},"maxCores":0}                         | maxCores
            cores per executor above max cores | {"name":"a","executorCommand":{"executable":"/bin/true"},"coresPerExecutor":4,"maxCores":2}    | coresPerExecutor must not be above maxCores
            negative executor limit            | {"name":"a","executorCommand":{"executable":"/bin/true"},"executorLimit":-1}                   | executorLimit
            unknown driver                     | {"name":"a","executorCommand":{"executable":"/bin/true"},"driverId":"driver-20261122080000-9999"} | driverId
            """)
    void aBadApplicationIsRefusedWithAProblemNamingItAndChangesNothing(String what, String body, String named)
            throws Exception {
        String before = get("/api/v1/applications").body();

        HttpResponse<String> response = post("/api/v1/applications", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains(named);
        assertThat(get("/api/v1/applications").body()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /api/v1/applications/app-20261122080000-9999                     | 404 | no application
            GET  | /api/v1/applications/nope                                        | 400 | not an application id
            GET  | /api/v1/applications/app-20261122080000-9999/events              | 404 | no application
            POST | /api/v1/applications/app-20261122080000-9999/finish              | 404 | no application
            POST | /api/v1/applications/app-20261122080000-9999/kill                | 404 | no application
            POST | /api/v1/applications/app-20261122080000-9999/executors/0/kill    | 404 | no application
            POST | /api/v1/applications/app-20261122080000-9999/executors/x/kill    | 400 | executorId
            """)
    void unknownApplicationsAreNamed(String method, String path, int status, String named) throws Exception {
        HttpResponse<String> response = method.equals("GET") ? get(path) : post(path, "");

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).contains(named);
    }

    @Test
    void aNegativeExecutorLimitIsRefusedAndAnUnknownExecutorIsNotFound() throws Exception {
        String created = post("/api/v1/applications",
                "{\"name\":\"a\",\"executorCommand\":{\"executable\":\"/bin/true\"},\"memoryPerExecutorMb\":64}").body();
        String appId = created.replaceAll(".*\"appId\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> limit = put("/api/v1/applications/" + appId + "/executor-limit", "{\"limit\":-1}");
        HttpResponse<String> executor = post("/api/v1/applications/" + appId + "/executors/7/kill", "");

        assertThat(limit.statusCode()).isEqualTo(400);
        assertThat(limit.body()).contains("limit");
        assertThat(executor.statusCode()).isEqualTo(404);
        assertThat(executor.body()).contains("no executor 7");
        assertThat(get("/api/v1/applications/" + appId).body()).contains("\"executorLimit\":null");
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        String before = get("/api/v1/drivers").body();
        String huge = "{\"name\":\"x\",\"command\":{\"executable\":\"/bin/echo\",\"arguments\":[\""
                + "a".repeat(2 * 1024 * 1024) + "\"]}}";

        HttpResponse<String> response = post("/api/v1/drivers", huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("drover.server.max-request-size");
        assertThat(get("/api/v1/drivers").body()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyLargerThanTheLimitIsRefusedToo() throws Exception {
        byte[] chunk = ("{\"name\":\"" + "b".repeat(64 * 1024)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(authorized("/api/v1/drivers")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
                        java.util.Collections.enumeration(java.util.stream.Stream
                                .generate(() -> (java.io.InputStream) new java.io.ByteArrayInputStream(chunk))
                                .limit(40).toList())))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void theOpenApiDescriptionListsThePublicCallsAndNotTheWorkerProtocol() throws Exception {
        HttpResponse<String> description = get("/api/v1/openapi");

        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(description.body()).contains("\"/api/v1/drivers\"").contains("\"/api/v1/applications/{appId}/events\"")
                .contains("SubmitDriverRequest").doesNotContain("/internal/v1");
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }
}
