package io.drover.master.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every request the dashboard tests make, as a browser would: redirects are not followed (the tests
 * check them) and cookies are kept (flash messages live in the session). All requests start in
 * {@link #request} and present the cluster secret as a bearer token, which needs no CSRF token; forms
 * riding on a login session, CSRF and all, are MasterSecurityTest's subject.
 */
final class DashboardClient {

    /** Start the master under test with this argument. */
    static final String SECRET_ARGUMENT = "--drover.auth.secret=dashboard-test-secret";

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    DashboardClient(ConfigurableApplicationContext master) {
        this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) master).getWebServer().getPort();
    }

    String base() {
        return base;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** What live.js asks for: the page's live regions only. */
    HttpResponse<String> fragment(String path) {
        return send(request(path).header("X-Drover-Fragment", "1").GET());
    }

    /** A form post, as a page's kill button sends it, from the page at {@code referer} (null: none). */
    HttpResponse<String> postForm(String path, Map<String, String> fields, String referer) {
        HttpRequest.Builder builder = request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(fields)));
        if (referer != null) {
            builder.header("Referer", referer);
        }
        return send(builder);
    }

    /** A JSON call to the API, to set the cluster up. */
    HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The answer's {@code "field":"value"}, for ids in API answers; no JSON library needed for that. */
    static String field(HttpResponse<String> response, String name) {
        return response.body().replaceAll("(?s).*\"" + name + "\":\"([^\"]+)\".*", "$1");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + SECRET_ARGUMENT.substring(SECRET_ARGUMENT.indexOf('=') + 1));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String urlEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
