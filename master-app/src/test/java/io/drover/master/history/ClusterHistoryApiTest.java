package io.drover.master.history;

import io.drover.master.TestDataDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.drover.master.MasterApplication;
import io.drover.master.config.MasterAddress;
import io.drover.protocol.api.ClusterHistoryView;
import io.drover.protocol.api.ClusterSample;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history on a real master: samples follow work through the public API and the worker protocol, the
 * ring stays within its window, and the overview serves the charts and their scripts. A stub HTTP server
 * stands in for the worker and accepts every launch with 202; the test reports the processes' states the
 * way a worker would.
 */
class ClusterHistoryApiTest {

    private static final String SECRET = "cluster-history-test-secret";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CAPACITY = 20; // history-window 2s / history-interval 100ms

    private static HttpServer worker;
    private static ConfigurableApplicationContext master;
    private static String base;
    private static String internalBase;

    @BeforeAll
    static void start() throws IOException {
        worker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        worker.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        worker.start();
        master = MasterApplication.builder().run("--server.port=0", TestDataDir.argument(), "--drover.auth.secret=" + SECRET,
                "--drover.master.history-interval=100ms",
                "--drover.master.history-window=2s");
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) master).getWebServer().getPort();
        internalBase = master.getBean(MasterAddress.class).internalUrl();
    }

    @AfterAll
    static void stop() {
        if (master != null) {
            master.close();
        }
        worker.stop(0);
    }

    @Test
    void samplesFollowTheWorkOnTheCluster() throws Exception {
        int port = worker.getAddress().getPort();
        String workerId = "worker-20261122080000-127.0.0.1-" + port;
        assertThat(post("/internal/v1/workers", """
                {"workerId":"%s","host":"127.0.0.1","port":%d,"url":"http://127.0.0.1:%d","cores":4,"memoryMb":4096,
                 "followedEpoch":0}""".formatted(workerId, port, port)).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> latest().cores() == 4);

        String driverId = id(post("/api/v1/drivers",
                "{\"name\":\"d\",\"command\":{\"executable\":\"/bin/true\"},\"cores\":2,\"memoryMb\":512}"), "driverId");
        await().atMost(Duration.ofSeconds(10)).until(() -> latest().coresUsed() == 2);
        assertThat(latest().driversRunning()).isZero();

        report(workerId, "{\"drivers\":[{\"driverId\":\"" + driverId + "\",\"state\":\"RUNNING\",\"restarts\":0}],"
                + "\"executors\":[]}");
        String appId = id(post("/api/v1/applications", "{\"name\":\"a\",\"executorCommand\":{\"executable\":"
                + "\"/bin/true\"},\"coresPerExecutor\":1,\"maxCores\":1,\"memoryPerExecutorMb\":256}"), "appId");
        await().atMost(Duration.ofSeconds(10)).until(() -> latest().coresUsed() == 3);
        report(workerId, "{\"drivers\":[],\"executors\":[{\"appId\":\"" + appId
                + "\",\"executorId\":0,\"state\":\"RUNNING\"}]}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(latest())
                .extracting(ClusterSample::cores, ClusterSample::coresUsed, ClusterSample::memoryMb,
                        ClusterSample::memoryUsedMb, ClusterSample::executorsRunning, ClusterSample::driversRunning)
                .containsExactly(4, 3, 4096L, 768L, 1, 1));
    }

    @Test
    void theHistoryKeepsItsWindowOldestFirstWithIsoTimes() throws Exception {
        await().atMost(Duration.ofSeconds(15)).until(() -> history().samples().size() == CAPACITY);

        HttpResponse<String> response = get("/api/v1/cluster/history");
        ClusterHistoryView view = JSON.readValue(response.body(), ClusterHistoryView.class);

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).containsPattern("\"at\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z\"");
        assertThat(view.intervalMs()).isEqualTo(100);
        assertThat(view.windowMs()).isEqualTo(2000);
        assertThat(view.samples()).hasSize(CAPACITY);
        List<ClusterSample> samples = view.samples();
        for (int i = 1; i < samples.size(); i++) {
            assertThat(samples.get(i).at()).isAfter(samples.get(i - 1).at());
        }
        ClusterSample newest = samples.get(samples.size() - 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            ClusterHistoryView later = history();
            return later.samples().size() == CAPACITY && later.samples().get(0).at().isAfter(samples.get(0).at())
                    && later.samples().contains(newest);
        });
    }

    @Test
    void theOverviewCarriesTheChartsAndTheirScriptsAreServed() throws Exception {
        String page = get("/").body();

        assertThat(page).contains("id=\"drover-chart-resources\"").contains("id=\"drover-chart-work\"")
                .contains("data-history-url=\"/api/v1/cluster/history\"")
                .contains("src=\"/drover/js/charts.js\"").contains("href=\"/drover/css/charts.css\"");
        // The template asks for Chart.js without a version; the webjars locator writes the version into the
        // link, so a new Chart.js is a new URL for browsers' caches.
        Matcher chartJs = Pattern.compile("src=\"(/webjars/chart\\.js/4\\.[0-9.]+/dist/chart\\.umd\\.js)\"")
                .matcher(page);
        assertThat(chartJs.find()).as("a versioned Chart.js 4 script in the page").isTrue();
        assertServed(chartJs.group(1), "javascript", "Chart.js v4");
        assertServed("/webjars/chart.js/dist/chart.umd.js", "javascript", "Chart.js v4");
        assertServed("/drover/js/charts.js", "javascript", "drover-chart-resources");
        assertServed("/drover/css/charts.css", "text/css", ".drover-chart-canvas");
    }

    private static void assertServed(String path, String type, String content) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as(path)
                .hasValueSatisfying(value -> assertThat(value).contains(type));
        assertThat(response.body()).as(path).contains(content);
    }

    private static ClusterHistoryView history() throws Exception {
        HttpResponse<String> response = get("/api/v1/cluster/history");
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readValue(response.body(), ClusterHistoryView.class);
    }

    private static ClusterSample latest() throws Exception {
        List<ClusterSample> samples = history().samples();
        return samples.isEmpty() ? new ClusterSample(null, 0, 0, 0, 0, 0, 0) : samples.get(samples.size() - 1);
    }

    private static void report(String workerId, String json) throws Exception {
        assertThat(post("/internal/v1/workers/" + workerId + "/states", json).statusCode()).isEqualTo(204);
    }

    private static String id(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]+)\"").matcher(response.body());
        assertThat(m.find()).as(response.body()).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        String at = path.startsWith("/internal/") ? internalBase : base;
        return HTTP.send(HttpRequest.newBuilder(URI.create(at + path)).header("Authorization", "Bearer " + SECRET).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + SECRET).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
