package io.drover.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.drover.protocol.Paths;
import io.drover.protocol.api.ClusterView;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.LogStream;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.api.SubmitDriverResponse;
import io.drover.protocol.api.WorkerView;
import io.drover.protocol.state.DriverState;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of one master's public API ({@code /api/v1}, DESIGN.md §5). Every call is synchronous and
 * bounded by the request timeout; an answer other than the one the call expects raises a
 * {@link DroverApiException} with the status and the problem's {@code title} and {@code detail}, and a
 * failed connection raises a {@link DroverClientException}.
 *
 * <pre>{@code
 * DroverClient drover = DroverClient.create("http://127.0.0.1:8080");
 * String id = drover.submitDriver(new SubmitDriverRequest("hello", null,
 *         CommandSpec.executable("/bin/echo", List.of("hi")), 1, 64L, false));
 * DriverView done = drover.awaitDriver(id, DriverState::isTerminal, Duration.ofSeconds(30));
 * String out = drover.driverLog(id, LogStream.STDOUT, 0, 4096);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. Unknown fields in answers are ignored, so a newer master
 * with additive changes keeps working with an older client.
 */
public final class DroverClient {

    /** How often {@link #awaitDriver} asks for the driver's state. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private static final String JSON = "application/json";
    private static final String ACCEPT_JSON = JSON + ", application/problem+json";
    private static final String ACCEPT_TEXT = "text/plain, application/problem+json";
    private static final String USER_AGENT = "drover-client";

    private final URI masterUrl;
    private final String base;
    private final String bearerToken;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final JsonMapper json;
    private final Responses responses;

    private DroverClient(Builder builder) {
        this.masterUrl = builder.masterUrl;
        this.base = stripTrailingSlashes(builder.masterUrl.toString());
        this.bearerToken = builder.bearerToken;
        this.requestTimeout = builder.requestTimeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
        this.responses = new Responses(json);
    }

    /** A client of the master at {@code masterUrl} (for example {@code http://127.0.0.1:8080}) with defaults. */
    public static DroverClient create(String masterUrl) {
        return builder(masterUrl).build();
    }

    /** Starts configuring a client of the master at {@code masterUrl}. */
    public static Builder builder(String masterUrl) {
        return new Builder(URI.create(Objects.requireNonNull(masterUrl, "masterUrl")));
    }

    /** Starts configuring a client of the master at {@code masterUrl}. */
    public static Builder builder(URI masterUrl) {
        return new Builder(masterUrl);
    }

    /** The master's URL this client talks to. */
    public URI masterUrl() {
        return masterUrl;
    }

    // ---- drivers ------------------------------------------------------------------------------------

    /** Submits a driver ({@code POST /api/v1/drivers}, expects {@code 201}) and returns its id. */
    public String submitDriver(SubmitDriverRequest request) {
        Objects.requireNonNull(request, "request");
        byte[] body = responses.write(request);
        HttpResponse<byte[]> response = send("POST", Paths.DRIVERS, body, ACCEPT_JSON, 201);
        SubmitDriverResponse answer = responses.read(response, "POST", Paths.DRIVERS, type(SubmitDriverResponse.class));
        if (answer == null || answer.driverId() == null || answer.driverId().isBlank()) {
            throw new DroverClientException("POST " + Paths.DRIVERS + " answered 201 without a driverId");
        }
        return answer.driverId();
    }

    /** One driver ({@code GET /api/v1/drivers/{id}}); an unknown id raises a {@code 404} {@link DroverApiException}. */
    public DriverView driver(String driverId) {
        return getJson(Paths.DRIVER.replace("{driverId}", segment(driverId, "driverId")), type(DriverView.class));
    }

    /** Every driver the master knows ({@code GET /api/v1/drivers}). */
    public List<DriverView> drivers() {
        return getJson(Paths.DRIVERS, listOf(DriverView.class));
    }

    /** The drivers in one state ({@code GET /api/v1/drivers?state=...}). */
    public List<DriverView> drivers(DriverState state) {
        Objects.requireNonNull(state, "state");
        return getJson(Paths.DRIVERS + "?state=" + query(state.name()), listOf(DriverView.class));
    }

    /**
     * Asks the master to kill a driver ({@code POST /api/v1/drivers/{id}/kill}, expects {@code 202}). The kill
     * happens asynchronously; use {@link #awaitDriver} to see it end. Killing a finished driver answers {@code 409}.
     */
    public void killDriver(String driverId) {
        String path = Paths.DRIVER_KILL.replace("{driverId}", segment(driverId, "driverId"));
        send("POST", path, new byte[0], ACCEPT_JSON, 202);
    }

    /**
     * A byte range of a driver's stdout or stderr, fetched by the master from the driver's worker
     * ({@code GET /api/v1/drivers/{id}/logs/{stream}?offset=&length=}), decoded as UTF-8 (a range that cuts
     * a multi-byte character shows a replacement character there).
     */
    public String driverLog(String driverId, LogStream stream, long offset, long length) {
        Objects.requireNonNull(stream, "stream");
        String path = Paths.DRIVER_LOG.replace("{driverId}", segment(driverId, "driverId"))
                .replace("{stream}", stream.fileName())
                + "?offset=" + offset + "&length=" + length;
        return new String(send("GET", path, null, ACCEPT_TEXT, 200).body(), StandardCharsets.UTF_8);
    }

    /**
     * Polls the driver about every 50 ms until its state satisfies {@code condition} and returns that view. A
     * convenience for tools and tests: it gives up with a {@link DroverClientException} when {@code timeout}
     * passes, or at once when the driver reaches a final state that does not satisfy {@code condition}
     * (final states never change).
     */
    public DriverView awaitDriver(String driverId, Predicate<DriverState> condition, Duration timeout) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            DriverView view = driver(driverId);
            if (condition.test(view.state())) {
                return view;
            }
            if (view.state() != null && view.state().isTerminal()) {
                throw new DroverClientException("driver " + driverId + " ended " + view.state()
                        + " without reaching the awaited state");
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new DroverClientException("driver " + driverId + " is still " + view.state()
                        + " after " + timeout);
            }
            sleep(Math.min(remaining, POLL_INTERVAL.toNanos()));
        }
    }

    // ---- workers and cluster --------------------------------------------------------------------------

    /** Every worker the master knows, dead ones included while they are retained ({@code GET /api/v1/workers}). */
    public List<WorkerView> workers() {
        return getJson(Paths.WORKERS, listOf(WorkerView.class));
    }

    /** One worker ({@code GET /api/v1/workers/{id}}). */
    public WorkerView worker(String workerId) {
        return getJson(Paths.WORKER.replace("{workerId}", segment(workerId, "workerId")), type(WorkerView.class));
    }

    /** The whole cluster in one document ({@code GET /api/v1/cluster}). */
    public ClusterView cluster() {
        return getJson(Paths.CLUSTER, type(ClusterView.class));
    }

    // ---- plumbing -----------------------------------------------------------------------------------

    private <T> T getJson(String path, JavaType type) {
        return responses.read(send("GET", path, null, ACCEPT_JSON, 200), "GET", path, type);
    }

    /** Sends one request; any status but {@code expectedStatus} becomes a {@link DroverApiException}. */
    private HttpResponse<byte[]> send(String method, String path, byte[] body, String accept, int expectedStatus) {
        URI uri = URI.create(base + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", accept)
                .header("User-Agent", USER_AGENT);
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", JSON).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new DroverClientException(method + " " + uri + " failed: " + reason, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DroverClientException(method + " " + uri + " was interrupted", e);
        }
        if (response.statusCode() != expectedStatus) {
            throw responses.error(method, path, response);
        }
        return response;
    }

    private JavaType type(Class<?> type) {
        return json.constructType(type);
    }

    private JavaType listOf(Class<?> element) {
        return json.getTypeFactory().constructCollectionType(List.class, element);
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DroverClientException("interrupted while waiting", e);
        }
    }

    /** Encodes one path segment; ids never need it, but a caller's typo must not change the route. */
    private static String segment(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return query(value);
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripTrailingSlashes(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    /** Configures a {@link DroverClient}. */
    public static final class Builder {

        private final URI masterUrl;
        private String bearerToken;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);

        private Builder(URI masterUrl) {
            Objects.requireNonNull(masterUrl, "masterUrl");
            String scheme = masterUrl.getScheme();
            if (!masterUrl.isAbsolute() || masterUrl.getHost() == null
                    || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw new IllegalArgumentException("masterUrl must be an http: or https: URL with a host: " + masterUrl);
            }
            if (masterUrl.getRawQuery() != null || masterUrl.getRawFragment() != null) {
                throw new IllegalArgumentException("masterUrl must not have a query or fragment: " + masterUrl);
            }
            this.masterUrl = masterUrl;
        }

        /** Sends {@code Authorization: Bearer <token>} with every call (the cluster secret, DESIGN.md §7). */
        public Builder bearerToken(String token) {
            if (token != null && token.isBlank()) {
                throw new IllegalArgumentException("bearer token must not be blank");
            }
            this.bearerToken = token;
            return this;
        }

        /** How long to wait for a connection; default 5 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** How long to wait for each answer; default 30 s. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        public DroverClient build() {
            return new DroverClient(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
