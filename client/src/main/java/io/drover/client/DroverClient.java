package io.drover.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.drover.protocol.Paths;
import io.drover.protocol.api.ApplicationEvent;
import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.ClusterView;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.ExecutorLimitRequest;
import io.drover.protocol.api.LogStream;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.api.RegisterApplicationResponse;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.api.SubmitDriverResponse;
import io.drover.protocol.api.WorkerPage;
import io.drover.protocol.api.WorkerView;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.WorkerState;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 *
 * String appId = drover.registerApplication(new RegisterApplicationRequest("pi",
 *         CommandSpec.jvm("my.Executor", List.of("{{APP_RESOURCE}}"), List.of()), "file:/tmp/app.jar",
 *         1, 256L, 4, null, "http://10.0.0.5:40123", null));
 * try (EventSubscription events = drover.followEvents(appId, event -> System.out.println(event))) {
 *     // ... work with the executors, then:
 *     drover.finishApplication(appId);
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. Unknown fields in answers are ignored, so a newer master
 * with additive changes keeps working with an older client.
 */
public final class DroverClient {

    /** How often {@link #awaitDriver} and {@link #awaitApplication} ask for the state. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    /** The largest page the master serves. */
    static final int WORKER_PAGE_SIZE = 1000;

    private static final String JSON = "application/json";
    private static final String ACCEPT_JSON = JSON + ", application/problem+json";
    private static final String ACCEPT_TEXT = "text/plain, application/problem+json";
    private static final String ACCEPT_EVENTS = "text/event-stream, application/problem+json";
    private static final String EVENT_STREAM = "text/event-stream";
    /** How many lines of an error answer to the event stream are kept for the exception. */
    private static final int MAX_ERROR_LINES = 100;
    private static final String USER_AGENT = "drover-client";

    private final MasterUrls masters;
    private final Failover failover;
    private final String bearerToken;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final JsonMapper json;
    private final Responses responses;

    private DroverClient(Builder builder) {
        this.masters = new MasterUrls(builder.masterUrls);
        this.bearerToken = builder.bearerToken;
        this.requestTimeout = builder.requestTimeout;
        HttpClient.Builder http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (builder.sslContext != null) {
            http.sslContext(builder.sslContext);
        }
        this.http = http.build();
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
        this.responses = new Responses(json);
        this.failover = new Failover(masters, builder.failoverTimeout, responses);
    }

    /**
     * A client with defaults of the master at {@code masterUrls} (for example {@code http://127.0.0.1:8080}),
     * or of several masters, comma-separated ({@code http://m1:8080,http://m2:8080}), following the leader.
     */
    public static DroverClient create(String masterUrls) {
        return builder(masterUrls).build();
    }

    /** Starts configuring a client of one master, or of several comma-separated ones (see {@link #create}). */
    public static Builder builder(String masterUrls) {
        return new Builder(MasterUrls.parse(masterUrls));
    }

    /** Starts configuring a client of the master at {@code masterUrl}. */
    public static Builder builder(URI masterUrl) {
        return new Builder(List.of(Objects.requireNonNull(masterUrl, "masterUrl")));
    }

    /**
     * Starts configuring a client of several masters (issue 9): calls go to the first, and move to the
     * next on a refused connection, or to the leader a standby's {@code 503} names.
     */
    public static Builder builder(List<URI> masterUrls) {
        return new Builder(List.copyOf(masterUrls));
    }

    /** The master this client talks to now: the one that last answered, or the first configured. */
    public URI masterUrl() {
        return masters.current();
    }

    /** The masters this client was configured with, in order. */
    public List<URI> masterUrls() {
        return masters.configured();
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
        return new String(driverLogChunk(driverId, stream, offset, length).bytes(), StandardCharsets.UTF_8);
    }

    /**
     * As {@link #driverLog}, as bytes with where they start and how long the file is now, to follow a growing
     * log: ask again from {@link LogChunk#end()}. A negative {@code offset} counts from the end of the file.
     */
    public LogChunk driverLogChunk(String driverId, LogStream stream, long offset, long length) {
        Objects.requireNonNull(stream, "stream");
        String path = Paths.DRIVER_LOG.replace("{driverId}", segment(driverId, "driverId"))
                .replace("{stream}", stream.fileName())
                + "?offset=" + offset + "&length=" + length;
        HttpResponse<byte[]> response = send("GET", path, null, ACCEPT_TEXT, 200);
        long start = longHeader(response, "Drover-Log-Offset", Math.max(offset, 0));
        long fileLength = longHeader(response, "Drover-Log-File-Length", start + response.body().length);
        return new LogChunk(start, fileLength, response.body());
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

    // ---- applications -------------------------------------------------------------------------------

    /**
     * Registers an application ({@code POST /api/v1/applications}, expects {@code 201}) and returns its id. The
     * master then grants it executors (DESIGN.md §2, flow 4); bad input answers {@code 400} naming the field.
     */
    public String registerApplication(RegisterApplicationRequest request) {
        Objects.requireNonNull(request, "request");
        byte[] body = responses.write(request);
        HttpResponse<byte[]> response = send("POST", Paths.APPLICATIONS, body, ACCEPT_JSON, 201);
        RegisterApplicationResponse answer = responses.read(response, "POST", Paths.APPLICATIONS,
                type(RegisterApplicationResponse.class));
        if (answer == null || answer.appId() == null || answer.appId().isBlank()) {
            throw new DroverClientException("POST " + Paths.APPLICATIONS + " answered 201 without an appId");
        }
        return answer.appId();
    }

    /** One application with its executors ({@code GET /api/v1/applications/{appId}}); unknown ids answer {@code 404}. */
    public ApplicationView application(String appId) {
        return getJson(applicationPath(Paths.APPLICATION, appId), type(ApplicationView.class));
    }

    /** Every application the master knows, ended ones included while they are retained ({@code GET /api/v1/applications}). */
    public List<ApplicationView> applications() {
        return getJson(Paths.APPLICATIONS, listOf(ApplicationView.class));
    }

    /**
     * The driver unregisters its application ({@code POST .../finish}, expects {@code 202}): it ends
     * {@code FINISHED} and its executors are stopped. An application that already ended answers {@code 409}.
     */
    public void finishApplication(String appId) {
        send("POST", applicationPath(Paths.APPLICATION_FINISH, appId), new byte[0], ACCEPT_JSON, 202);
    }

    /** Kills an application ({@code POST .../kill}, expects {@code 202}): it ends {@code KILLED}; {@code 409} once ended. */
    public void killApplication(String appId) {
        send("POST", applicationPath(Paths.APPLICATION_KILL, appId), new byte[0], ACCEPT_JSON, 202);
    }

    /**
     * Asks for at most {@code limit} executors at once ({@code PUT .../executor-limit}, expects {@code 202}):
     * more executors are granted when cores are free, fewer means executors above the limit are stopped.
     */
    public void setExecutorLimit(String appId, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        byte[] body = responses.write(new ExecutorLimitRequest(limit));
        send("PUT", applicationPath(Paths.APPLICATION_EXECUTOR_LIMIT, appId), body, ACCEPT_JSON, 202);
    }

    /**
     * Kills one executor of an application ({@code POST .../executors/{executorId}/kill}, expects {@code 202});
     * an unknown executor answers {@code 404}.
     */
    public void killExecutor(String appId, int executorId) {
        if (executorId < 0) {
            throw new IllegalArgumentException("executorId must not be negative: " + executorId);
        }
        String path = applicationPath(Paths.APPLICATION_EXECUTOR_KILL, appId)
                .replace("{executorId}", Integer.toString(executorId));
        send("POST", path, new byte[0], ACCEPT_JSON, 202);
    }

    /**
     * Follows an application's events ({@code GET /api/v1/applications/{appId}/events}, Server-Sent Events).
     * The stream starts with the current executors as {@code EXECUTOR_ADDED} events and the current state as
     * an {@code APPLICATION_STATE} event, then goes on live; the master closes it once the application has
     * reached a final state. Events reach {@code consumer} in order, on the subscription's own daemon thread.
     *
     * <p>This call returns once the master has answered {@code 200}; any other answer raises a
     * {@link DroverApiException} here (for example {@code 404} for an unknown application). Close the
     * returned subscription to stop early.
     */
    public EventSubscription followEvents(String appId, Consumer<ApplicationEvent> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        String path = applicationPath(Paths.APPLICATION_EVENTS, appId);
        EventSubscription subscription = new EventSubscription(appId, openEvents(path, null),
                lastEventId -> openEvents(path, lastEventId), new EventDecoder(json, appId), consumer);
        subscription.start();
        return subscription;
    }

    /**
     * Opens the event stream at {@code path}, through failover; a resumed stream sends {@code Last-Event-ID} so
     * the master can start after the last event the subscriber saw.
     */
    private Stream<String> openEvents(String path, Long lastEventId) {
        HttpResponse<Stream<String>> response = failover.call("GET", path, master -> {
            // No request timeout: the stream stays open as long as the application runs.
            HttpRequest.Builder request = HttpRequest.newBuilder(MasterUrls.resolve(master, path))
                    .header("Accept", ACCEPT_EVENTS)
                    .header("User-Agent", USER_AGENT)
                    .GET();
            if (lastEventId != null) {
                request.header("Last-Event-ID", Long.toString(lastEventId));
            }
            authorize(request);
            return http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        }, DroverClient::errorText);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != 200) {
            throw responses.error("GET", path, response.statusCode(), contentType, errorText(response));
        }
        if (!contentType.toLowerCase(Locale.ROOT).startsWith(EVENT_STREAM)) {
            response.body().close();
            throw new DroverClientException("GET " + path + " answered 200 with Content-Type '" + contentType
                    + "', not " + EVENT_STREAM);
        }
        return response.body();
    }

    private static String errorText(HttpResponse<Stream<String>> response) {
        try (Stream<String> body = response.body()) {
            return body.limit(MAX_ERROR_LINES).collect(Collectors.joining("\n"));
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * Polls the application about every 50 ms until its state satisfies {@code condition} and returns that
     * view; gives up with a {@link DroverClientException} when {@code timeout} passes, or at once when the
     * application reaches a final state that does not satisfy {@code condition}.
     */
    public ApplicationView awaitApplication(String appId, Predicate<ApplicationState> condition, Duration timeout) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ApplicationView view = application(appId);
            if (condition.test(view.state())) {
                return view;
            }
            if (view.state() != null && view.state().isTerminal()) {
                throw new DroverClientException("application " + appId + " ended " + view.state()
                        + " without reaching the awaited state");
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new DroverClientException("application " + appId + " is still " + view.state()
                        + " after " + timeout);
            }
            sleep(Math.min(remaining, POLL_INTERVAL.toNanos()));
        }
    }

    // ---- workers and cluster --------------------------------------------------------------------------

    /**
     * Every worker the master knows, dead ones included while they are retained: {@code GET /api/v1/workers},
     * page after page.
     */
    public List<WorkerView> workers() {
        List<WorkerView> all = new ArrayList<>();
        WorkerPage page;
        int next = 0;
        do {
            page = workers(null, next++, WORKER_PAGE_SIZE);
            all.addAll(page.workers());
        } while (page.hasNext() && !page.workers().isEmpty());
        return all;
    }

    /** One page of the workers ({@code GET /api/v1/workers?state=&page=&size=}); {@code state} null for all. */
    public WorkerPage workers(WorkerState state, int page, int size) {
        String query = "?page=" + page + "&size=" + size + (state == null ? "" : "&state=" + query(state.name()));
        return getJson(Paths.WORKERS + query, type(WorkerPage.class));
    }

    /** One worker ({@code GET /api/v1/workers/{id}}). */
    public WorkerView worker(String workerId) {
        return getJson(Paths.WORKER.replace("{workerId}", segment(workerId, "workerId")), type(WorkerView.class));
    }

    /** The cluster's totals, without the lists ({@code GET /api/v1/cluster}). */
    public ClusterView cluster() {
        return cluster(false);
    }

    /** With {@code full}, the whole cluster in one document: every worker, driver and application too. */
    public ClusterView cluster(boolean full) {
        return getJson(full ? Paths.CLUSTER + "?full=true" : Paths.CLUSTER, type(ClusterView.class));
    }

    // ---- plumbing -----------------------------------------------------------------------------------

    private <T> T getJson(String path, JavaType type) {
        return responses.read(send("GET", path, null, ACCEPT_JSON, 200), "GET", path, type);
    }

    /** Sends one request to the leading master; any status but {@code expectedStatus} becomes a {@link DroverApiException}. */
    private HttpResponse<byte[]> send(String method, String path, byte[] body, String accept, int expectedStatus) {
        HttpResponse<byte[]> response = failover.call(method, path, master -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(MasterUrls.resolve(master, path))
                    .timeout(requestTimeout)
                    .header("Accept", accept)
                    .header("User-Agent", USER_AGENT);
            authorize(request);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", JSON).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }, answer -> new String(answer.body(), StandardCharsets.UTF_8));
        if (response.statusCode() != expectedStatus) {
            throw responses.error(method, path, response);
        }
        return response;
    }

    private static long longHeader(HttpResponse<?> response, String name, long otherwise) {
        try {
            return response.headers().firstValue(name).map(Long::parseLong).orElse(otherwise);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private void authorize(HttpRequest.Builder request) {
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
    }

    private static String applicationPath(String template, String appId) {
        return template.replace("{appId}", segment(appId, "appId"));
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

    /** Configures a {@link DroverClient}. */
    public static final class Builder {

        private final List<URI> masterUrls;
        private String bearerToken;
        private Duration failoverTimeout = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private javax.net.ssl.SSLContext sslContext;

        private Builder(List<URI> masterUrls) {
            new MasterUrls(masterUrls); // checks every URL now rather than at the first call
            this.masterUrls = masterUrls;
        }

        /** How many masters this client will know. */
        public int masterCount() {
            return masterUrls.size();
        }

        /** Sends {@code Authorization: Bearer <token>} with every call (the cluster secret, DESIGN.md §7). */
        public Builder bearerToken(String token) {
            if (token != null && token.isBlank()) {
                throw new IllegalArgumentException("bearer token must not be blank");
            }
            this.bearerToken = token;
            return this;
        }

        /** The TLS context for an {@code https:} master whose certificate the JVM's default trust does not cover. */
        public Builder sslContext(javax.net.ssl.SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "sslContext");
            return this;
        }

        /** How long to wait for a connection; default 5 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * How long one call keeps looking for a master that takes it, across refused connections and standby
         * masters' {@code 503}s, before it gives up; default 30 s.
         */
        public Builder failoverTimeout(Duration timeout) {
            this.failoverTimeout = positive(timeout, "failoverTimeout");
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
