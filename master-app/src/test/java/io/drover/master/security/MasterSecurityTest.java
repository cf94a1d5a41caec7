package io.drover.master.security;

import io.drover.master.TestDataDir;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.master.MasterApplication;
import io.drover.master.SubmitTokens;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Credentials on the master's public API and dashboard (issue 4), on a real server. */
class MasterSecurityTest {

    private static final String SECRET = "master-security-test-secret";
    private static final String ALICE = SubmitTokens.ALICE;
    private static final String BOB = SubmitTokens.BOB;
    private static final String VIEWER = "viewer-token-000000003";
    private static final String DRIVER = """
            {"name":"sleepy","command":{"executable":"/bin/sleep","arguments":["60"]},"cores":1,"memoryMb":64}""";

    private static ConfigurableApplicationContext master;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        master = MasterApplication.builder().run(SubmitTokens.masterArgs(SECRET,
                "--drover.auth.tokens[2].name=carol", "--drover.auth.tokens[2].token=" + VIEWER,
                "--drover.auth.tokens[2].role=view"));
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) master).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        master.close();
    }

    private static HttpResponse<String> call(String method, String path, String token, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String submitAs(String token) throws Exception {
        HttpResponse<String> response = call("POST", "/api/v1/drivers", token, DRIVER);
        assertThat(response.statusCode()).isEqualTo(201);
        return response.body().replaceAll(".*\"driverId\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void aCallWithoutACredentialIsRefusedWith401AndAProblem() throws Exception {
        HttpResponse<String> response = call("GET", "/api/v1/cluster", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(response.body()).contains("Authorization: Bearer");
    }

    @Test
    void aWrongTokenIsRefusedWith401() throws Exception {
        HttpResponse<String> response = call("GET", "/api/v1/cluster", "not-the-secret-at-all", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("not valid");
    }

    @Test
    void aViewTokenMayReadButNotSubmit() throws Exception {
        String before = call("GET", "/api/v1/drivers", VIEWER, null).body();

        HttpResponse<String> submit = call("POST", "/api/v1/drivers", VIEWER, DRIVER);

        assertThat(call("GET", "/api/v1/cluster", VIEWER, null).statusCode()).isEqualTo(200);
        assertThat(submit.statusCode()).isEqualTo(403);
        assertThat(submit.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(call("GET", "/api/v1/drivers", VIEWER, null).body()).isEqualTo(before);
    }

    @Test
    void aDriverRecordsTheNameOfTheTokenThatSubmittedIt() throws Exception {
        String driverId = submitAs(ALICE);

        assertThat(call("GET", "/api/v1/drivers/" + driverId, VIEWER, null).body())
                .contains("\"submittedBy\":\"alice\"").contains("\"killedBy\":null");
    }

    @Test
    void aSubmitTokenMayNotKillWhatAnotherSubmitted() throws Exception {
        String driverId = submitAs(ALICE);

        HttpResponse<String> kill = call("POST", "/api/v1/drivers/" + driverId + "/kill", BOB, null);

        assertThat(kill.statusCode()).isEqualTo(403);
        assertThat(kill.body()).contains("bob").contains("alice");
        assertThat(call("GET", "/api/v1/drivers/" + driverId, VIEWER, null).body()).contains("\"state\":\"SUBMITTED\"");
    }

    @Test
    void aSubmitTokenKillsItsOwnAndTheKillIsRecorded() throws Exception {
        String driverId = submitAs(ALICE);

        assertThat(call("POST", "/api/v1/drivers/" + driverId + "/kill", ALICE, null).statusCode()).isEqualTo(202);

        assertThat(call("GET", "/api/v1/drivers/" + driverId, VIEWER, null).body())
                .contains("\"state\":\"KILLED\"").contains("\"killedBy\":\"alice\"");
    }

    @Test
    void theClusterSecretIsAdminAndKillsAnything() throws Exception {
        String driverId = submitAs(BOB);

        assertThat(call("POST", "/api/v1/drivers/" + driverId + "/kill", SECRET, null).statusCode()).isEqualTo(202);

        assertThat(call("GET", "/api/v1/drivers/" + driverId, VIEWER, null).body())
                .contains("\"killedBy\":\"cluster\"");
    }

    @Test
    void aNamedTokenCannotSpeakTheWorkerProtocol() throws Exception {
        HttpResponse<String> response = call("POST", "/internal/v1/workers", ALICE, "{}");

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void aBrowserOpeningAPageWithoutASessionIsSentToTheLoginPage() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void theLoginPageTakesATokenAndOpensTheDashboard() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> afterLogin = login(browser, VIEWER);

        assertThat(afterLogin.statusCode()).isEqualTo(200);
        assertThat(afterLogin.uri().getPath()).isEqualTo("/");
        assertThat(afterLogin.body()).contains("carol");
    }

    @Test
    void aWrongTokenOnTheLoginPageLogsNobodyIn() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> afterLogin = login(browser, "a-token-nobody-has-00");

        assertThat(afterLogin.uri().getPath()).isEqualTo("/login");
        assertThat(afterLogin.body()).contains("not valid");
    }

    @Test
    void aStateChangeRidingOnTheSessionNeedsTheCsrfToken() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        login(browser, ALICE);
        String before = call("GET", "/api/v1/drivers", VIEWER, null).body();

        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/drivers"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(DRIVER)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");
        assertThat(call("GET", "/api/v1/drivers", VIEWER, null).body()).isEqualTo(before);
    }

    @Test
    void aKillFormPostedWithoutItsCsrfTokenIsRefusedAndWithItKills() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        login(browser, ALICE);
        String driverId = submitAs(ALICE);
        String form = "confirmed=true";

        HttpResponse<String> forged = postForm(browser, "/drivers/" + driverId + "/kill", form);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/drivers/" + driverId, VIEWER, null).body()).contains("\"state\":\"SUBMITTED\"");
        String page = get(browser, "/drivers/" + driverId);
        HttpResponse<String> genuine = postForm(browser, "/drivers/" + driverId + "/kill",
                form + "&_csrf=" + csrfToken(page));
        assertThat(genuine.statusCode()).isEqualTo(302);
        assertThat(call("GET", "/api/v1/drivers/" + driverId, VIEWER, null).body())
                .contains("\"state\":\"KILLED\"").contains("\"killedBy\":\"alice\"");
    }

    @Test
    void killButtonsAreShownOnlyToThoseWhoMayUseThem() throws Exception {
        String driverId = submitAs(ALICE);
        String killForm = "action=\"/drivers/" + driverId + "/kill\"";

        assertThat(pageAs(ALICE, "/drivers/" + driverId)).contains(killForm);
        assertThat(pageAs(SECRET, "/drivers/" + driverId)).contains(killForm);
        assertThat(pageAs(BOB, "/drivers/" + driverId)).doesNotContain(killForm);
        assertThat(pageAs(VIEWER, "/drivers/" + driverId)).doesNotContain(killForm);
    }

    private static String pageAs(String token, String path) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        login(browser, token);
        return get(browser, path);
    }

    private static String get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> postForm(HttpClient browser, String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrfToken(String page) {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("the page's forms carry a CSRF token").isTrue();
        return java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void healthProbesAreOpen() throws Exception {
        assertThat(call("GET", "/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
    }

    static HttpResponse<String> login(HttpClient browser, String token) throws Exception {
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String form = "token=" + token + "&_csrf=" + csrfToken(page);
        return browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
