package io.drover.master.scheduling;

import io.drover.master.MasterApplication;
import io.drover.master.TestDataDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real master on a random loopback port for the scheduling tests, spoken to over HTTP with JSON records:
 * the cluster secret (admin, and the worker protocol), an admin token and a submit token.
 */
final class MasterOnTest implements AutoCloseable {

    static final String SECRET = "scheduling-test-secret";
    static final String ADMIN = "scheduling-test-admin-token";
    static final String SUBMITTER = "scheduling-test-submit-token";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    final String url;

    /** {@code settings}: {@code drover.master.*} keys and values, as on the command line without the dashes. */
    MasterOnTest(String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", TestDataDir.argument(),
                "--drover.auth.secret=" + SECRET, "--drover.master.worker-timeout=10m",
                "--drover.master.schedule-interval=200ms",
                "--drover.auth.tokens[0].name=root", "--drover.auth.tokens[0].token=" + ADMIN,
                "--drover.auth.tokens[0].role=admin",
                "--drover.auth.tokens[1].name=alice", "--drover.auth.tokens[1].token=" + SUBMITTER,
                "--drover.auth.tokens[1].role=submit"));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        context = MasterApplication.builder().run(args.toArray(String[]::new));
        url = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    <T> T get(String path, Class<T> type) {
        return JSON.readValue(send("GET", path, null, SECRET).body(), type);
    }

    <T> T get(String path, TypeReference<T> type) {
        return JSON.readValue(send("GET", path, null, SECRET).body(), type);
    }

    String text(String path) {
        return send("GET", path, null, SECRET).body();
    }

    /** A JSON post with the cluster secret; the body is a record, a string of JSON, or null. */
    HttpResponse<String> post(String path, Object body) {
        return post(path, body, SECRET);
    }

    HttpResponse<String> post(String path, Object body, String token) {
        return send("POST", path, body, token);
    }

    /** Posts and reads the answer's {@code field}, failing on anything but 2xx. */
    String postFor(String path, Object body, String field) {
        HttpResponse<String> answer = post(path, body);
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).get(field).asString();
    }

    /** A dashboard form post ({@code confirmed=true}), as a page's button sends it after the reader said yes. */
    HttpResponse<String> postConfirmedForm(String path, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("confirmed=true")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path, String token) {
        return send("GET", path, null, token);
    }

    private HttpResponse<String> send(String method, String path, Object body, String token) {
        String json = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : url + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
