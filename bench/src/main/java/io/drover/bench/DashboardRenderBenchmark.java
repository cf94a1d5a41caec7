package io.drover.bench;

import io.drover.master.MasterApplication;
import io.drover.master.config.MasterAddress;
import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.protocol.Paths;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.api.RegisterApplicationResponse;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.api.SubmitDriverResponse;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.internal.ExecutorStateChanged;
import io.drover.protocol.internal.RegisterWorker;
import io.drover.protocol.internal.StateReports;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * How long the master's overview ({@code GET /}) takes to render for a big cluster: 1,000 workers, 5,000
 * completed applications (two executors each) and 5,000 completed drivers, all brought there through the
 * real paths: workers register over the worker protocol, drivers and applications come through the public
 * API, the master places them and calls the workers, and the workers' state reports (sent here on their
 * behalf, batched per worker as real workers batch them) end them. {@link StubWorkers} stands in for the
 * 1,000 workers. Then it requests {@code /} over HTTP, 20 times to warm up and 50 measured, and prints the
 * render time percentiles, the page's size, what the snapshot lists, and the JVM's used heap after a GC.
 * One JVM on purpose (issue 13 asks every benchmark that does so to say why): it reads what the published
 * snapshot lists and the master's heap from inside, and renders nothing a separate process would change.
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl bench exec:java
 * -Dexec.mainClass=io.drover.bench.DashboardRenderBenchmark}
 */
public final class DashboardRenderBenchmark {

    private static final int WORKERS = 1_000;
    private static final int APPLICATIONS = 5_000;
    private static final int DRIVERS = 5_000;
    private static final int EXECUTORS_PER_APPLICATION = 2;
    private static final int WARM_UP = 20;
    private static final int MEASURED = 50;
    private static final int CLIENT_THREADS = 4;
    private static final Duration POPULATE_TIMEOUT = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CommandSpec TRUE = CommandSpec.executable("/bin/true", List.of());

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
    private final StubWorkers workers;
    private final String base;
    private final String internalBase;
    private final ClusterStateStore store;

    private DashboardRenderBenchmark(StubWorkers workers, ConfigurableApplicationContext master) {
        this.workers = workers;
        this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) master).getWebServer().getPort();
        this.internalBase = master.getBean(MasterAddress.class).internalUrl();
        this.store = master.getBean(ClusterStateStore.class);
    }

    public static void main(String[] args) throws Exception {
        long heapBefore = usedHeapAfterGc();
        try (StubWorkers workers = new StubWorkers();
                ConfigurableApplicationContext master = MasterApplication.builder().run("--server.port=0",
                        BenchSecret.ARGUMENT,
                        // Pages are what is measured; the store would only slow the setup of 10,000 records.
                        "--drover.master.recovery-mode=NONE",
                        "--logging.level.io.drover=WARN", "--logging.level.drover.audit=WARN",
                        "--drover.master.retained-applications=" + APPLICATIONS,
                        "--drover.master.retained-drivers=" + DRIVERS,
                        // One principal has all of them waiting or running at once.
                        "--drover.master.quotas.max-drivers=" + DRIVERS,
                        "--drover.master.quotas.max-applications=" + APPLICATIONS,
                        // Nobody heartbeats for the pretend workers: they must stay ALIVE for the whole run.
                        "--drover.master.worker-timeout=1h")) {
            new DashboardRenderBenchmark(workers, master).run(heapBefore);
        }
        // The master's own non-daemon threads are gone once it is closed; exec:java waits for nothing else.
    }

    private void run(long heapBefore) throws Exception {
        try {
            long started = System.nanoTime();
            registerWorkers();
            long workersDone = System.nanoTime();
            completeDrivers();
            long driversDone = System.nanoTime();
            completeApplications();
            long appsDone = System.nanoTime();
            String populated = String.format(Locale.ROOT, "%.1f s (workers %.1f s, drivers %.1f s, applications "
                    + "%.1f s)", (appsDone - started) / 1e9, (workersDone - started) / 1e9,
                    (driversDone - workersDone) / 1e9, (appsDone - driversDone) / 1e9);
            ClusterSnapshot snapshot = store.snapshot();
            long heap = usedHeapAfterGc();

            for (int i = 0; i < WARM_UP; i++) {
                overview();
            }
            List<Double> millis = new ArrayList<>();
            int bytes = 0;
            for (int i = 0; i < MEASURED; i++) {
                long start = System.nanoTime();
                bytes = overview().length();
                millis.add((System.nanoTime() - start) / 1e6);
            }
            millis.sort(null);
            report(snapshot, populated, millis, bytes, heap, heapBefore);
        } finally {
            clients.shutdownNow();
        }
    }

    private void registerWorkers() throws Exception {
        parallel(WORKERS, i -> {
            int port = 20_000 + i; // never listened on: the id needs a port, the calls go to url(i)
            expect(200, send("POST", Paths.INTERNAL_WORKERS, new RegisterWorker(
                    "worker-20260101000000-127.0.0.1-" + port, "127.0.0.1", port, workers.url(i), 16, 65_536, 0,
                    List.of(), List.of(), null)));
        });
        await("workers registered", s -> s.workers().size() == WORKERS);
    }

    /** Submitted through the API; once launched, each worker reports its drivers RUNNING, then FINISHED. */
    private void completeDrivers() throws Exception {
        parallel(DRIVERS, i -> read(expect(201, send("POST", Paths.DRIVERS,
                new SubmitDriverRequest("bench-driver-" + i, null, TRUE, 1, 256L, false))), SubmitDriverResponse.class));
        Map<Integer, List<DriverStateChanged>> reports = new TreeMap<>();
        for (StubWorkers.Launch launch : take(DRIVERS)) {
            reports.computeIfAbsent(launch.worker(), w -> new ArrayList<>()).addAll(List.of(
                    new DriverStateChanged(launch.driverId(), DriverState.RUNNING, null, null, 0),
                    new DriverStateChanged(launch.driverId(), DriverState.FINISHED, 0, null, 0)));
        }
        reportAll(reports, StateReports::ofDrivers);
        await("drivers completed", s -> s.completedDrivers().size() == DRIVERS);
    }

    /** Registered through the API; their executors run, then the driver unregisters each (finish). */
    private void completeApplications() throws Exception {
        List<String> appIds = java.util.Collections.synchronizedList(new ArrayList<>());
        parallel(APPLICATIONS, i -> appIds.add(read(expect(201, send("POST", Paths.APPLICATIONS,
                new RegisterApplicationRequest("bench-app-" + i, TRUE, null, 1, 512L, EXECUTORS_PER_APPLICATION, null,
                        null, null))), RegisterApplicationResponse.class).appId()));
        Map<Integer, List<ExecutorStateChanged>> reports = new TreeMap<>();
        for (StubWorkers.Launch launch : take(APPLICATIONS * EXECUTORS_PER_APPLICATION)) {
            reports.computeIfAbsent(launch.worker(), w -> new ArrayList<>()).add(new ExecutorStateChanged(
                    launch.appId(), launch.executorId(), ExecutorState.RUNNING, null, null));
        }
        reportAll(reports, executors -> new StateReports(List.of(), executors));
        await("executors running", s -> s.applications().values().stream()
                .allMatch(a -> a.executors().values().stream().filter(e -> e.state() == ExecutorState.RUNNING)
                        .count() == EXECUTORS_PER_APPLICATION));
        parallel(APPLICATIONS, i -> expect(202, send("POST",
                Paths.APPLICATION_FINISH.replace("{appId}", appIds.get(i)), null)));
        await("applications completed", s -> s.completedApplications().size() == APPLICATIONS);
    }

    private <T> void reportAll(Map<Integer, List<T>> byWorker, java.util.function.Function<List<T>, StateReports> wrap)
            throws Exception {
        List<Integer> workerIds = new ArrayList<>(byWorker.keySet());
        parallel(workerIds.size(), i -> {
            int worker = workerIds.get(i);
            List<T> changes = byWorker.get(worker);
            for (int from = 0; from < changes.size(); from += 1000) { // StateReports takes 1,000 per list
                expect(204, send("POST", Paths.INTERNAL_STATES.replace("{workerId}",
                        "worker-20260101000000-127.0.0.1-" + (20_000 + worker)),
                        wrap.apply(changes.subList(from, Math.min(changes.size(), from + 1000)))));
            }
        });
    }

    private List<StubWorkers.Launch> take(int count) throws InterruptedException {
        List<StubWorkers.Launch> taken = new ArrayList<>(count);
        long deadline = System.nanoTime() + POPULATE_TIMEOUT.toNanos();
        while (taken.size() < count) {
            StubWorkers.Launch launch = workers.launches().poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (launch == null) {
                throw new IllegalStateException("only " + taken.size() + " of " + count + " launches arrived");
            }
            taken.add(launch);
        }
        return taken;
    }

    private String overview() {
        return expect(200, send("GET", "/", null)).body();
    }

    /** Every call of the benchmark goes through here, presenting the cluster secret. */
    private HttpResponse<String> send(String method, String path, Object body) {
        String at = path.startsWith("/internal/") ? internalBase : base; // the worker protocol has its own port
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(at + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + BenchSecret.SECRET);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static <T> T read(HttpResponse<String> response, Class<T> type) {
        return JSON.readValue(response.body(), type);
    }

    private void parallel(int count, IntConsumer call) throws Exception {
        List<Future<?>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = i;
            futures.add(clients.submit(() -> call.accept(n)));
        }
        for (Future<?> future : futures) {
            future.get(POPULATE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void await(String what, Predicate<ClusterSnapshot> done) {
        long deadline = System.nanoTime() + POPULATE_TIMEOUT.toNanos();
        while (!done.test(store.snapshot())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) { // a few rounds, so objects with finalizers or weak references go too
            memory.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void report(ClusterSnapshot s, String populated, List<Double> millis, int bytes, long heap,
            long heapBefore) {
        System.out.printf(Locale.ROOT, "Drover dashboard render benchmark: GET / on a master with %d workers "
                + "(%d listed), %d+%d applications (active+completed), %d+%d drivers; populated in %s; %d CPUs%n",
                WORKERS, s.workers().size(), s.applications().size(), s.completedApplications().size(),
                s.drivers().size(), s.completedDrivers().size(), populated, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  render time over %d requests after %d warm-up: p50 %.1f ms  p90 %.1f ms  "
                + "max %.1f ms  (page %,d characters)%n", MEASURED, WARM_UP, percentile(millis, 50),
                percentile(millis, 90), millis.get(millis.size() - 1), bytes);
        System.out.printf(Locale.ROOT, "  used heap after GC: %.1f MB (%.1f MB more than before the master started;"
                + " the JVM also holds the benchmark and Maven)%n", heap / 1048576.0, (heap - heapBefore) / 1048576.0);
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
