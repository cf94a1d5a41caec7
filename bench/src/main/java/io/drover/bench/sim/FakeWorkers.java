package io.drover.bench.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.drover.protocol.Paths;
import io.drover.protocol.internal.ExecutorStateChanged;
import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.internal.Heartbeat;
import io.drover.protocol.internal.HeartbeatReply;
import io.drover.protocol.internal.LaunchDriver;
import io.drover.protocol.internal.LaunchExecutor;
import io.drover.protocol.internal.LaunchRefusal;
import io.drover.protocol.internal.RegisterWorkerReply;
import io.drover.protocol.internal.StateReports;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thousands of simulated workers in one process, speaking the real worker protocol over HTTP to a real
 * master: they register (with their inventory and an internal URL), heartbeat at the interval the master
 * asks to the internal URL it names, take launches on an HTTP server of their own and report the processes
 * RUNNING, then EXITED or FINISHED after {@code runFor}, in batched state reports. Nothing is started.
 *
 * <p>One loopback HTTP server serves them all: worker {@code i} is {@code <server>/w<i>}, a URL of its own
 * (the master knows a worker by its URL). Each call opens a connection of its own ({@link OneShotHttp}): real
 * workers call every few seconds and the JDK's {@code HttpURLConnection} keeps an idle connection for only 5 s,
 * so each of their heartbeats connects anew.
 */
final class FakeWorkers implements AutoCloseable {

    /** What the simulated workers are and how they behave. */
    record Settings(int count, int cores, long memoryMb, Duration runFor) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    final Latencies registrations = new Latencies();
    final Latencies heartbeats = new Latencies();
    final Latencies reports = new Latencies();
    final AtomicLong reconnects = new AtomicLong();
    final AtomicLong registrationRetries = new AtomicLong();
    /** Registrations the master turned away at once under the storm (503), of the retries. */
    final AtomicLong registrationsShed = new AtomicLong();
    final AtomicLong launches = new AtomicLong();
    final AtomicLong refusedLaunches = new AtomicLong();
    final AtomicLong runningReported = new AtomicLong();

    private final Settings settings;
    private final String masterUrl;
    private final String authorization;
    private final HttpServer server;
    private final ExecutorService serverThreads = Executors.newFixedThreadPool(4);
    private final ExecutorService clientThreads = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
    private final OneShotHttp http;
    private final List<FakeWorker> workers = new ArrayList<>();

    FakeWorkers(Settings settings, String masterUrl, String secret) {
        this.settings = settings;
        this.masterUrl = masterUrl;
        this.authorization = "Authorization: Bearer " + secret;
        this.http = new OneShotHttp(clientThreads, CALL_TIMEOUT);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(serverThreads);
        server.start();
        String stamp = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        for (int i = 0; i < settings.count(); i++) {
            // The id's port keeps ids apart; the URL is where the master really calls this worker.
            workers.add(new FakeWorker(i, "worker-" + stamp + "-127.0.0.1-" + (10000 + i),
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/w" + i, settings.cores(),
                    settings.memoryMb()));
        }
    }

    List<FakeWorker> workers() {
        return workers;
    }

    long registered() {
        return workers.stream().filter(FakeWorker::isRegistered).count();
    }

    // ---- registration

    /** All workers register at once (the storm); completes when every one is registered. */
    CompletableFuture<Void> registerAll() {
        return CompletableFuture.allOf(workers.stream().map(w -> register(w, 0)).toArray(CompletableFuture[]::new));
    }

    /** Registers, retrying as a real worker does: 500 ms doubling to 8 s, with jitter. */
    private CompletableFuture<Void> register(FakeWorker worker, int attempt) {
        byte[] body = JSON.writeValueAsBytes(worker.registration(10000 + worker.index));
        long started = System.nanoTime();
        return send(masterUrl + Paths.INTERNAL_WORKERS, body).handle((response, failure) -> {
            if (failure == null && response.statusCode() == 200) {
                registrations.add(System.nanoTime() - started);
                RegisterWorkerReply reply = JSON.readValue(response.body(), RegisterWorkerReply.class);
                worker.registered(reply.epoch(), reply.masterInternalUrl() != null ? reply.masterInternalUrl()
                        : masterUrl, reply.heartbeatIntervalMs());
                reply.killExecutors().forEach(key -> dropExecutor(worker, key));
                startHeartbeats(worker);
                return CompletableFuture.<Void>completedFuture(null);
            }
            registrations.failed();
            registrationRetries.incrementAndGet();
            if (failure == null && response.statusCode() == 503) {
                registrationsShed.incrementAndGet();
            }
            long delay = Math.min(8000, 500L << Math.min(attempt, 4));
            long jittered = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
            return CompletableFuture.supplyAsync(() -> null,
                    CompletableFuture.delayedExecutor(jittered, TimeUnit.MILLISECONDS))
                    .thenCompose(ignored -> register(worker, attempt + 1));
        }).thenCompose(f -> f);
    }

    private static void dropExecutor(FakeWorker worker, String key) {
        int slash = key.lastIndexOf('/');
        worker.endExecutor(key.substring(0, slash), Integer.parseInt(key.substring(slash + 1)), ExecutorState.KILLED);
    }

    // ---- heartbeats

    /**
     * A registered worker heartbeats from then on at the interval the master asked, the first time at a random
     * point of the first interval (workers of a cluster do not start in step).
     */
    private void startHeartbeats(FakeWorker worker) {
        synchronized (worker) {
            if (worker.heartbeats == null) {
                long interval = worker.heartbeatMs();
                worker.heartbeats = timers.scheduleAtFixedRate(() -> heartbeat(worker),
                        ThreadLocalRandom.current().nextLong(interval), interval, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void heartbeat(FakeWorker worker) {
        Heartbeat heartbeat = worker.startHeartbeat();
        if (heartbeat == null) {
            return;
        }
        long started = System.nanoTime();
        send(worker.heartbeatUrl(), JSON.writeValueAsBytes(heartbeat)).whenComplete((response, failure) -> {
            worker.heartbeatDone();
            if (failure != null || response.statusCode() != 200) {
                heartbeats.failed();
                return;
            }
            heartbeats.add(System.nanoTime() - started);
            HeartbeatReply reply = JSON.readValue(response.body(), HeartbeatReply.class);
            if (reply.reconnect()) {
                reconnects.incrementAndGet();
                worker.disconnected();
                register(worker, 0);
            }
            reply.killExecutors().forEach(key -> dropExecutor(worker, key));
        });
    }

    // ---- the master's calls

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            int slash = path.indexOf('/', 2);
            FakeWorker worker = workers.get(Integer.parseInt(path.substring(2, slash)));
            String call = path.substring(slash);
            int status = 202;
            if (call.equals(Paths.INTERNAL_LAUNCH_EXECUTOR)) {
                status = launchExecutor(worker, JSON.readValue(body, LaunchExecutor.class), exchange);
            } else if (call.equals(Paths.INTERNAL_LAUNCH_DRIVER)) {
                status = launchDriver(worker, JSON.readValue(body, LaunchDriver.class), exchange);
            } else if (call.startsWith(Paths.INTERNAL + "/applications/")) {
                String appId = call.split("/")[4];
                worker.executorsOf(appId).forEach(key -> end(worker, key, ExecutorState.KILLED));
            } else if (call.startsWith(Paths.INTERNAL + "/executors/") && call.endsWith("/kill")) {
                String[] parts = call.split("/");
                end(worker, parts[4] + "/" + parts[5], ExecutorState.KILLED);
            } else if (call.startsWith(Paths.INTERNAL + "/drivers/") && call.endsWith("/kill")) {
                if (worker.endDriver(call.split("/")[4], DriverState.KILLED)) {
                    flush(worker);
                }
            } else if (call.equals(Paths.INTERNAL_MASTER_CHANGED)) {
                worker.disconnected();
                register(worker, 0);
            }
            if (status != 409) {
                exchange.sendResponseHeaders(status, -1);
            }
        }
    }

    private int launchExecutor(FakeWorker worker, LaunchExecutor launch, HttpExchange exchange) throws IOException {
        launches.incrementAndGet();
        String key = Paths.executorKey(launch.appId(), launch.executorId());
        if (!worker.launchExecutor(key, launch.description().cores())) {
            return refuse(exchange, "no room for executor " + key);
        }
        worker.queue(new ExecutorStateChanged(launch.appId(), launch.executorId(), ExecutorState.RUNNING, null, null,
                1000L + worker.index));
        flush(worker);
        timers.schedule(() -> end(worker, key, ExecutorState.EXITED), settings.runFor().toMillis(),
                TimeUnit.MILLISECONDS);
        return 202;
    }

    private int launchDriver(FakeWorker worker, LaunchDriver launch, HttpExchange exchange) throws IOException {
        launches.incrementAndGet();
        if (!worker.launchDriver(launch.driverId(), launch.description().cores())) {
            return refuse(exchange, "no room for driver " + launch.driverId());
        }
        worker.queue(new DriverStateChanged(launch.driverId(), DriverState.RUNNING, null, null, 0,
                1000L + worker.index));
        flush(worker);
        timers.schedule(() -> {
            if (worker.endDriver(launch.driverId(), DriverState.FINISHED)) {
                flush(worker);
            }
        }, settings.runFor().toMillis(), TimeUnit.MILLISECONDS);
        return 202;
    }

    /** As a real worker refuses a launch it has no room for: 409 naming the refusal. */
    private int refuse(HttpExchange exchange, String detail) throws IOException {
        refusedLaunches.incrementAndGet();
        byte[] problem = JSON.writeValueAsBytes(java.util.Map.of("type", "about:blank", "title", "Conflict",
                "status", 409, "detail", detail, LaunchRefusal.MEMBER, LaunchRefusal.NO_ROOM.name()));
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(409, problem.length);
        exchange.getResponseBody().write(problem);
        return 409;
    }

    private void end(FakeWorker worker, String key, ExecutorState state) {
        int slash = key.lastIndexOf('/');
        if (worker.endExecutor(key.substring(0, slash), Integer.parseInt(key.substring(slash + 1)), state)) {
            flush(worker);
        }
    }

    // ---- state reports

    /** Sends what is pending in one call; what piles up meanwhile goes in the next, as a real worker does. */
    private void flush(FakeWorker worker) {
        StateReports reports = worker.takeReports();
        if (reports == null) {
            return;
        }
        long started = System.nanoTime();
        send(worker.statesUrl(), JSON.writeValueAsBytes(reports)).whenComplete((response, failure) -> {
            boolean delivered = failure == null && response.statusCode() / 100 == 2;
            if (delivered) {
                this.reports.add(System.nanoTime() - started);
                runningReported.addAndGet(reports.executors().stream()
                        .filter(r -> r.state() == ExecutorState.RUNNING).count());
            } else {
                this.reports.failed();
            }
            worker.reportsDone(delivered ? null : reports);
            if (delivered) {
                flush(worker);
            } else {
                timers.schedule(() -> flush(worker), 500, TimeUnit.MILLISECONDS);
            }
        });
    }

    private CompletableFuture<OneShotHttp.Response> send(String url, byte[] body) {
        return http.post(url, body, authorization);
    }

    /** One POST to this process's own server and back: the floor under every round trip measured here. */
    long pingNanos() {
        long started = System.nanoTime();
        try {
            OneShotHttp.Response response = send("http://127.0.0.1:" + server.getAddress().getPort() + "/w0"
                    + Paths.INTERNAL + "/ping", "{}".getBytes(StandardCharsets.UTF_8)).join();
            return response.statusCode() == 202 ? System.nanoTime() - started : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
        http.close();
        server.stop(0);
        serverThreads.shutdownNow();
        clientThreads.shutdownNow();
    }
}
