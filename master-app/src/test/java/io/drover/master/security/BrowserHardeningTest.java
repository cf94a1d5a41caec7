package io.drover.master.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.master.MasterApplication;
import io.drover.master.SubmitTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the master tells browsers, and how it answers a guesser (issue 10): security headers on every
 * answer, SameSite session cookies, and failed logins and bad bearer tokens throttled per client address.
 */
class BrowserHardeningTest {

    private static final String SECRET = "browser-hardening-secret";
    private static final String ALICE = SubmitTokens.ALICE;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ConfigurableApplicationContext master;
    private String base;

    @BeforeEach
    void start() {
        master = MasterApplication.builder().run(SubmitTokens.masterArgs(SECRET,
                "--drover.auth.throttle.max-failures=3", "--drover.auth.throttle.window=1m"));
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) master).getWebServer().getPort();
    }

    @AfterEach
    void stop() {
        master.close();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> login(String token) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        String form = "token=" + token + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyAnswerCarriesTheBrowserSecurityHeaders() throws Exception {
        for (HttpResponse<String> answer : java.util.List.of(get("/login", null), get("/", ALICE),
                get("/api/v1/cluster", ALICE), get("/api/v1/cluster", null))) {
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(answer.uri().toString())
                    .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'")
                            .contains("script-src 'self'").contains("style-src 'self'")
                            .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
            assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly() throws Exception {
        HttpResponse<String> loggedIn = login(ALICE);

        assertThat(loggedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("DROVER_MASTER_SESSION=").contains("SameSite=Lax").contains("HttpOnly"));
    }

    @Test
    void badBearerTokensFromOneAddressAreThrottledWith429AndRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/v1/cluster", "a-guess-000000000" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> throttled = get("/api/v1/cluster", "a-guess-0000000003");
        HttpResponse<String> evenTheRightOne = get("/api/v1/cluster", ALICE);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(evenTheRightOne.statusCode()).as("a guesser learns nothing while throttled").isEqualTo(429);
        assertThat(get("/actuator/health/liveness", null).statusCode()).as("calls without a credential pass")
                .isEqualTo(200);
    }

    @Test
    void failedLoginsCountToo() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(login("wrong-token-00000000" + i).uri().getPath()).isEqualTo("/login");
        }

        HttpResponse<String> throttled = login(ALICE);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    }
}
