package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard in a real headless Chromium against a real master and two workers (issue 5): log in with a
 * token, watch work come and go without reloading, kill with a button, follow an executor's log into its
 * worker's UI, and see user input escaped. Each page is saved under {@code target/screenshots/}.
 */
class DashboardInABrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path work;
    private static TestCluster cluster;
    private static Browser browser;
    private static String worker1;
    private static String worker2;

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(work);
        worker1 = cluster.addWorker(2, 1024);
        worker2 = cluster.addWorker(2, 1024);
        browser = new Browser();
        browser.open(cluster.masterUrl + "/login");
        browser.screenshot("login");
        // What bin/drover-local prints: the token in the fragment logs in at once.
        browser.open(cluster.masterUrl + "/login#token=" + Credentials.SECRET);
        browser.waiting(WAIT).until(ExpectedConditions.urlToBe(cluster.masterUrl + "/"));
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            cluster.close();
            NoProcessesLeft.assertNoneLeft();
        }
    }

    private static String submit(String name, String script) {
        return cluster.client.submitDriver(new SubmitDriverRequest(name, null,
                CommandSpec.executable("/bin/sh", List.of("-c", script)), 1, 64L, false));
    }

    private static String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    private static void awaitText(String css, String expected) {
        browser.waiting(WAIT).until(d -> d.findElement(By.cssSelector(css)).getText().contains(expected));
    }

    @Test
    void aLoggedInUserSeesBothWorkersAndWhoTheyAre() {
        browser.open(cluster.masterUrl + "/");

        awaitText("#workers", worker1);
        assertThat(text("#workers")).contains(worker2);
        assertThat(text("header")).contains("cluster");
        browser.screenshot("master-overview");
        browser.resize(390, 844);
        browser.screenshot("master-overview-phone");
        browser.resize(1280, 1000);
    }

    @Test
    void aDriverSubmittedThroughTheApiAppearsAndFinishesOnTheOpenPageWithoutAReload() {
        browser.open(cluster.masterUrl + "/");
        browser.driver.executeScript("window.droverNoReload = true;");

        String driverId = submit("appears-live", "sleep 2");

        awaitText("#active-drivers", driverId);
        browser.screenshot("master-overview-driver-running");
        awaitText("#completed-drivers", driverId);
        assertThat(browser.driver.executeScript("return window.droverNoReload === true;")).isEqualTo(true);
        assertThat(cluster.client.driver(driverId).state()).isEqualTo(DriverState.FINISHED);
    }

    @Test
    void aRunningDriverIsKilledWithItsButtonAfterAConfirmation() {
        String driverId = submit("to-be-killed", "sleep 300");
        await().atMost(WAIT).until(() -> cluster.client.driver(driverId).state() == DriverState.RUNNING);
        browser.open(cluster.masterUrl + "/drivers/" + driverId);
        browser.screenshot("driver-running");

        browser.driver.findElement(By.cssSelector("form.inline-action button")).click();
        browser.waiting(WAIT).until(ExpectedConditions.alertIsPresent()).accept();

        await().atMost(WAIT).until(() -> cluster.client.driver(driverId).state() == DriverState.KILLED);
        assertThat(cluster.client.driver(driverId).killedBy()).isEqualTo("cluster");
        browser.open(cluster.masterUrl + "/drivers/" + driverId);
        awaitText("main", "KILLED");
        browser.screenshot("driver-killed");
    }

    @Test
    void anExecutorsStdoutOpensFromTheApplicationPageThroughItsWorkersUi() {
        String appId = cluster.client.registerApplication(new RegisterApplicationRequest("browser-app",
                CommandSpec.executable("/bin/sh", List.of("-c", "echo hello from executor $DROVER_EXECUTOR_ID; sleep 300")),
                null, 1, 64L, 1, null, null, null));
        ExecutorView executor = await().atMost(WAIT).until(() -> running(cluster.client.application(appId)),
                e -> e != null);
        try {
            browser.open(cluster.masterUrl + "/applications/" + appId);
            awaitText("#executors", "RUNNING");
            browser.screenshot("application");
            WebElement stdout = browser.driver.findElement(By.cssSelector("#executors a[href$='/stdout']"));
            browser.open(stdout.getAttribute("href"));

            // The worker is another server with its own session: its login page takes the same token.
            browser.waiting(WAIT).until(ExpectedConditions.urlContains("/login"));
            browser.driver.findElement(By.id("token")).sendKeys(Credentials.SECRET);
            browser.driver.findElement(By.id("login-form")).submit();

            awaitText("pre[data-log-text]", "hello from executor " + executor.executorId());
            // After the login, Spring Security returns to the page asked for (marked with ?continue).
            assertThat(browser.driver.getCurrentUrl()).startsWith(executor.workerUrl() + "/logs/" + appId + "/"
                    + executor.executorId() + "/stdout");
            browser.screenshot("worker-executor-stdout");
            browser.open(executor.workerUrl() + "/");
            awaitText("main", appId);
            browser.screenshot("worker-overview");
        } finally {
            cluster.client.killApplication(appId);
        }
    }

    private static ExecutorView running(ApplicationView app) {
        return app.executors().stream().filter(e -> e.state() == ExecutorState.RUNNING).findFirst().orElse(null);
    }

    @Test
    void aNameHoldingAScriptTagIsShownAsText() {
        String name = "<script>window.droverInjected=1</script>";
        String driverId = submit(name, "exit 0");
        await().atMost(WAIT).until(() -> cluster.client.driver(driverId).state().isTerminal());

        browser.open(cluster.masterUrl + "/drivers/" + driverId);

        awaitText("main", name);
        assertThat(browser.driver.executeScript("return typeof window.droverInjected;")).isEqualTo("undefined");
        browser.screenshot("driver-with-script-name");
    }
}
