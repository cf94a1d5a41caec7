package io.drover.bench;

import io.drover.client.DroverClient;
import io.drover.master.MasterApplication;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.DriverState;
import io.drover.worker.WorkerApplication;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The cluster under a burst of drivers: a master and one worker offering 64 cores (one JVM, real HTTP on
 * loopback, real child processes); 200 drivers running {@code /bin/true} submitted as fast as the API
 * takes them. Prints submit→RUNNING and submit→FINISHED latency percentiles (from the master's own
 * timestamps) and drivers finished per second.
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl bench exec:java}
 * (arguments: drivers, default 200; cores, default 64).
 */
public final class ClusterBenchmark {

    private static final int WARM_UP_BURSTS = 2;
    private static final int MEASURED_BURSTS = 3;

    private ClusterBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int drivers = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int cores = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        Path work = BenchWorkDir.create();
        String quiet = "--logging.level.io.drover=WARN";
        try (ConfigurableApplicationContext master = MasterApplication.builder().run("--server.port=0", quiet, BenchSecret.ARGUMENT,
                "--drover.master.retained-drivers=" + (drivers * 2));
                ConfigurableApplicationContext worker = WorkerApplication.builder().run("--server.port=0", quiet, BenchSecret.ARGUMENT,
                        "--drover.worker.master-urls=" + url(master),
                        "--drover.worker.cores=" + cores,
                        "--drover.worker.memory-mb=" + (cores * 256),
                        "--drover.worker.work-dir=" + work)) {
            DroverClient client = DroverClient.builder(url(master)).bearerToken(BenchSecret.SECRET).build();
            awaitWorker(client);
            // The first bursts pay for class loading and JIT compilation; a long-running master has done both.
            for (int round = 1; round <= WARM_UP_BURSTS; round++) {
                burst(client, drivers);
            }
            System.out.printf(Locale.ROOT, "Drover cluster benchmark: bursts of %d drivers of /bin/true, one worker with %d cores, "
                    + "%d CPUs, after %d warm-up bursts%n", drivers, cores, Runtime.getRuntime().availableProcessors(),
                    WARM_UP_BURSTS);
            for (int round = 1; round <= MEASURED_BURSTS; round++) {
                System.out.printf(Locale.ROOT, "burst %d%n", round);
                report(burst(client, drivers));
            }
        }
    }

    record Burst(Duration submitting, List<DriverView> drivers) {
    }

    static Burst burst(DroverClient client, int drivers) {
        List<String> ids = new ArrayList<>(drivers);
        Instant start = Instant.now();
        for (int i = 0; i < drivers; i++) {
            ids.add(client.submitDriver(request("bench-" + i)));
        }
        Duration submitting = Duration.between(start, Instant.now());
        List<DriverView> done = new ArrayList<>();
        for (String id : ids) {
            done.add(client.awaitDriver(id, DriverState::isTerminal, Duration.ofMinutes(5)));
        }
        return new Burst(submitting, done);
    }

    static void report(Burst burst) {
        List<DriverView> done = burst.drivers();
        int drivers = done.size();
        long finished = done.stream().filter(d -> d.state() == DriverState.FINISHED).count();
        Instant firstSubmit = done.stream().map(DriverView::submittedAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant lastEnd = done.stream().map(DriverView::endedAt).max(Comparator.naturalOrder()).orElseThrow();
        double seconds = Duration.between(firstSubmit, lastEnd).toNanos() / 1e9;
        System.out.printf(Locale.ROOT, "  submitted in       %8.1f ms (%.0f submissions/s); finished %d of %d%n",
                burst.submitting().toNanos() / 1e6, drivers / (burst.submitting().toNanos() / 1e9), finished, drivers);
        print("  submit -> placed  ", millis(done, DriverView::launchedAt));
        print("  submit -> RUNNING ", millis(done, DriverView::startedAt));
        print("  submit -> FINISHED", millis(done, DriverView::endedAt));
        System.out.printf(Locale.ROOT, "  throughput         %8.1f drivers finished/s (first submit to last end: %.2f s)%n",
                drivers / seconds, seconds);
    }

    private static SubmitDriverRequest request(String name) {
        return new SubmitDriverRequest(name, null, CommandSpec.executable("/bin/true", List.of()), 1, 64L, false);
    }

    static List<Double> millis(List<DriverView> drivers, java.util.function.Function<DriverView, Instant> to) {
        return drivers.stream().filter(d -> to.apply(d) != null)
                .map(d -> Duration.between(d.submittedAt(), to.apply(d)).toNanos() / 1e6)
                .sorted().toList();
    }

    private static void print(String label, List<Double> sorted) {
        System.out.printf(Locale.ROOT, "%s  p50 %7.1f ms   p90 %7.1f ms   p99 %7.1f ms   (n=%d)%n", label,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted.size());
    }

    static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static void awaitWorker(DroverClient client) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (client.cluster().aliveWorkers() < 1) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the worker did not register within 30 s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    static String url(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
