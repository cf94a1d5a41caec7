package io.drover.master.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.master.MasterApplication;
import io.drover.master.TestDataDir;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Workers a page at a time and the cluster as a summary (issue 13: with 10,000 workers the whole lists are
 * megabytes), on a real master of its own with three registered workers.
 */
class WorkersApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SECRET = "workers-api-test-secret";
    private static ConfigurableApplicationContext master;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        master = MasterApplication.builder().run("--server.port=0", TestDataDir.argument(), "--drover.auth.secret=" + SECRET);
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) master).getWebServer().getPort();
        for (int port = 9001; port <= 9003; port++) {
            String registration = "{\"workerId\":\"worker-20261122080000-127.0.0.1-" + port + "\",\"host\":\"127.0.0.1\","
                    + "\"port\":" + port + ",\"url\":\"http://127.0.0.1:" + port + "\",\"cores\":1,\"memoryMb\":512,"
                    + "\"followedEpoch\":0}";
            HttpResponse<String> registered = HTTP.send(request("/internal/v1/workers")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(registration))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() {
        master.close();
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + SECRET);
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void workersComeAPageAtATimeWithTheirTotal() throws Exception {
        String second = get("/api/v1/workers?state=ALIVE&page=1&size=2");

        assertThat(second).contains("\"page\":1", "\"size\":2", "\"total\":3", "127.0.0.1-9003")
                .doesNotContain("127.0.0.1-9001", "127.0.0.1-9002");
    }

    @Test
    void aStateFiltersTheWorkersAndTheirTotal() throws Exception {
        assertThat(get("/api/v1/workers?state=DEAD")).contains("\"workers\":[]", "\"total\":0");
    }

    @Test
    void aPageBeyondTheLastIsEmptyWithTheTotal() throws Exception {
        assertThat(get("/api/v1/workers?page=5")).contains("\"workers\":[]", "\"total\":3");
    }

    @Test
    void theClusterIsASummaryUnlessTheWholeDocumentIsAskedFor() throws Exception {
        assertThat(get("/api/v1/cluster")).contains("\"aliveWorkers\":3").doesNotContain("\"workers\"");
        assertThat(get("/api/v1/cluster?full=true")).contains("\"workers\":[", "127.0.0.1-9002");
    }
}
