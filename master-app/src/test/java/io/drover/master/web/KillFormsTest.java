package io.drover.master.web;

import io.drover.master.TestDataDir;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.master.MasterApplication;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dashboard's kill forms on a real master with no worker, so drivers and applications wait and a
 * kill ends them at once: they act like the API's kill, redirect back, and refuse with a message.
 */
class KillFormsTest {

    private static final Map<String, String> CONFIRMED = Map.of("confirmed", "true");

    private static ConfigurableApplicationContext master;
    private static DashboardClient client;

    @BeforeAll
    static void start() {
        master = MasterApplication.builder().run("--server.port=0", TestDataDir.argument(), DashboardClient.SECRET_ARGUMENT);
        client = new DashboardClient(master);
    }

    @AfterAll
    static void stop() {
        master.close();
    }

    @Test
    void killingADriverEndsItAndReturnsToThePageItCameFromWithAMessage() {
        String driverId = submitDriver();

        HttpResponse<String> posted = client.postForm("/drivers/" + driverId + "/kill", CONFIRMED, client.base() + "/");

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).isIn("/", client.base() + "/"));
        assertThat(client.get("/api/v1/drivers/" + driverId).body()).contains("\"state\":\"KILLED\"");
        assertThat(client.get("/").body()).contains("Asked to kill driver " + driverId + ".");
    }

    @Test
    void killingAnApplicationEndsIt() {
        String appId = registerApplication();

        HttpResponse<String> posted = client.postForm("/applications/" + appId + "/kill", CONFIRMED, null);

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/applications/" + appId));
        assertThat(client.get("/api/v1/applications/" + appId).body()).contains("\"state\":\"KILLED\"");
    }

    @Test
    void anUnconfirmedKillAsksFirstAndChangesNothing() {
        String driverId = submitDriver();

        HttpResponse<String> page = client.postForm("/drivers/" + driverId + "/kill", Map.of(),
                client.base() + "/drivers");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Kill driver " + driverId + "?")
                .contains("action=\"/drivers/" + driverId + "/kill\"")
                .contains("<input type=\"hidden\" name=\"confirmed\" value=\"true\">")
                .contains("<input type=\"hidden\" name=\"back\" value=\"/drivers\">");
        assertThat(client.get("/api/v1/drivers/" + driverId).body()).contains("\"state\":\"SUBMITTED\"");
    }

    @Test
    void killingAnEndedDriverIsRefusedWithAMessageNotAnError() {
        String driverId = submitDriver();
        client.postForm("/drivers/" + driverId + "/kill", CONFIRMED, null);
        client.get("/drivers/" + driverId); // shows, and so uses up, the first kill's message

        HttpResponse<String> again = client.postForm("/drivers/" + driverId + "/kill", CONFIRMED, null);

        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(client.get("/drivers/" + driverId).body()).contains("Could not kill driver " + driverId + ":");
    }

    @Test
    void killingWhatTheMasterDoesNotKnowIsAMessage() {
        HttpResponse<String> posted = client.postForm("/applications/app-20261122080000-9999/executors/x/kill",
                CONFIRMED, null);

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(client.get("/").body()).contains("The master does not know executor x of application");
    }

    @Test
    void aKillNeverRedirectsToAnotherSite() {
        String driverId = submitDriver();

        HttpResponse<String> posted = client.postForm("/drivers/" + driverId + "/kill",
                Map.of("confirmed", "true", "back", "//evil.example/"), "http://evil.example/page");

        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/drivers/" + driverId).doesNotContain("evil"));
    }

    @Test
    void killButtonsShowOnlyForWorkThatHasNotEnded() {
        String driverId = submitDriver();
        String button = "action=\"/drivers/" + driverId + "/kill\"";
        assertThat(client.get("/").body()).contains(button);

        client.postForm("/drivers/" + driverId + "/kill", CONFIRMED, null);

        assertThat(client.get("/").body()).doesNotContain(button);
    }

    private static String submitDriver() {
        return DashboardClient.field(client.postJson("/api/v1/drivers",
                "{\"name\":\"waits\",\"command\":{\"executable\":\"/bin/true\"},\"cores\":1,\"memoryMb\":64}"),
                "driverId");
    }

    private static String registerApplication() {
        return DashboardClient.field(client.postJson("/api/v1/applications",
                "{\"name\":\"app\",\"executorCommand\":{\"executable\":\"/bin/true\"},\"memoryPerExecutorMb\":64}"),
                "appId");
    }
}
