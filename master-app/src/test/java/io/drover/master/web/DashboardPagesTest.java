package io.drover.master.web;

import io.drover.master.TestDataDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.master.MasterApplication;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dashboard's pages on a real master, over HTTP, with a worker that accepts what it is given: a
 * driver placed on it and an application with one executor there.
 */
class DashboardPagesTest {

    private static final String EVIL = "<script>alert(1)</script>";
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

    private static ConfigurableApplicationContext master;
    private static FakeWorker worker;
    private static DashboardClient client;
    private static String driverId;
    private static String appId;

    @BeforeAll
    static void start() {
        master = MasterApplication.builder().run("--server.port=0", TestDataDir.argument(), DashboardClient.SECRET_ARGUMENT, "--drover.master.worker-timeout=10m");
        client = new DashboardClient(master);
        worker = new FakeWorker();
        assertThat(client.postJson("/internal/v1/workers", worker.registration()).statusCode()).isEqualTo(200);
        driverId = DashboardClient.field(client.postJson("/api/v1/drivers", "{\"name\":\"" + EVIL.replace("/", "\\/")
                + "\",\"command\":{\"executable\":\"/bin/true\"},\"cores\":1,\"memoryMb\":256}"), "driverId");
        appId = DashboardClient.field(client.postJson("/api/v1/applications", "{\"name\":\"" + EVIL
                + "\",\"executorCommand\":{\"executable\":\"/bin/true\"},\"coresPerExecutor\":1,"
                + "\"memoryPerExecutorMb\":256,\"maxCores\":1}"), "appId");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                client.get("/api/v1/drivers/" + driverId).body().contains("\"workerId\":\"" + worker.workerId())
                        && client.get("/api/v1/applications/" + appId).body().contains("\"executorId\":0"));
    }

    @AfterAll
    static void stop() {
        master.close();
        worker.close();
    }

    @Test
    void theOverviewSummarisesTheClusterAndLinksEveryRow() {
        HttpResponse<String> page = client.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Drover master at " + client.base())
                .contains("<dd>1 Alive, 0 Dead, 0 Decommissioned, 0 Unknown</dd>")
                .contains("8 Total, 2 Used")
                .contains(client.base() + "/api/v1")
                .contains("href=\"/workers/" + worker.workerId() + "\"")
                .contains("href=\"" + worker.url() + "\"")
                .contains("href=\"/applications/" + appId + "\"")
                .contains("href=\"/drivers/" + driverId + "\"")
                .contains("class=\"drover-charts\"");
    }

    @Test
    void anApplicationPageListsItsExecutorsWithLogsOnTheirWorkerAndKillButtons() {
        String body = client.get("/applications/" + appId).body();

        assertThat(body)
                .contains("<dd class=\"id\">" + appId + "</dd>")
                .contains("href=\"" + worker.url() + "/logs/" + appId + "/0/stdout\"")
                .contains("href=\"" + worker.url() + "/logs/" + appId + "/0/stderr\"")
                .contains("action=\"/applications/" + appId + "/kill\"")
                .contains("action=\"/applications/" + appId + "/executors/0/kill\"");
    }

    @Test
    void aDriverPageLinksToItsWorkerAndToItsLogsThere() {
        String body = client.get("/drivers/" + driverId).body();

        assertThat(body)
                .contains("href=\"/workers/" + worker.workerId() + "\"")
                .contains("href=\"" + worker.url() + "/logs/" + driverId + "/stdout\"")
                .contains("href=\"" + worker.url() + "/logs/" + driverId + "/stderr\"")
                .contains("action=\"/drivers/" + driverId + "/kill\"");
    }

    @Test
    void aWorkerPageListsTheDriversAndExecutorsOnIt() {
        String body = client.get("/workers/" + worker.workerId()).body();

        assertThat(body)
                .contains("Running Executors (1)")
                .contains("Running Drivers (1)")
                .contains("href=\"/drivers/" + driverId + "\"")
                .contains("href=\"/applications/" + appId + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/drivers", "/applications", "/workers/{worker}", "/drivers/{driver}",
            "/applications/{app}"})
    void namesPeopleGaveAreEscaped(String path) {
        String body = client.get(path.replace("{worker}", worker.workerId()).replace("{driver}", driverId)
                .replace("{app}", appId)).body();

        assertThat(body).contains(ESCAPED).doesNotContain(EVIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/applications/app-20261122080000-9999", "/applications/not-an-id",
            "/drivers/driver-20261122080000-9999", "/drivers/%3Cscript%3E", "/workers/worker-20261122080000-nowhere-1"})
    void anUnknownIdIsAnHtmlNotFoundPage(String path) {
        HttpResponse<String> page = client.get(path);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<h1>Not found</h1>").doesNotContain("<script>");
    }

    @Test
    void aFragmentRequestAnswersOnlyTheLiveRegions() {
        HttpResponse<String> fragment = client.fragment("/");

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).contains("X-Drover-Fragment"));
        assertThat(fragment.body())
                .contains("id=\"summary\"", "id=\"workers\"", "id=\"active-drivers\"", "id=\"completed-drivers\"",
                        "id=\"active-applications\"", "id=\"completed-applications\"")
                .contains("href=\"/drivers/" + driverId + "\"")
                .doesNotContain("<html", "<header", "<h1", "id=\"charts\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/applications/{app}", "/drivers/{driver}", "/workers/{worker}"})
    void detailPagesAreLiveToo(String path) {
        String resolved = path.replace("{worker}", worker.workerId()).replace("{driver}", driverId)
                .replace("{app}", appId);

        assertThat(client.get(resolved).body()).contains("data-live");
        assertThat(client.fragment(resolved).body()).contains("data-live").doesNotContain("<html", "<h1");
    }

    @Test
    void killingAnExecutorFromItsApplicationPageEndsItAndComesBackWithAMessage() {
        String appPage = "/applications/" + appId;

        HttpResponse<String> posted = client.postForm(appPage + "/executors/0/kill", Map.of("confirmed", "true"),
                client.base() + appPage);

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith(appPage));
        assertThat(client.get("/api/v1/applications/" + appId).body()).contains("\"state\":\"KILLED\"");
        assertThat(client.get(appPage).body()).contains("Killed executor 0 of application " + appId + ".");
    }
}
