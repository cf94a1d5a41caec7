package io.drover.bench;

import io.drover.client.DroverClient;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.DriverState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The cluster under a burst of drivers, run as users run it: a master and one worker offering 64 cores, each
 * its own process started from its jar (real HTTP on loopback, real child processes); 200 drivers running
 * {@code /bin/true} submitted as fast as the API takes them. Prints submit→RUNNING and submit→FINISHED
 * latency percentiles (from the master's own timestamps) and drivers finished per second. The baseline, from
 * the same run: the same 200 {@code /bin/true} started by hand from this JVM, 64 at a time, each timed from
 * its start to its exit. Each burst also prints its CPU per driver by process ({@link BurstCpu}).
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl bench exec:java} (arguments: drivers,
 * default 200; cores, default 64; the worker's {@code drover.worker.isolation}, default its own default).
 */
public final class ClusterBenchmark {

    private static final int WARM_UP_BURSTS = 2;
    private static final int MEASURED_BURSTS = 3;

    private ClusterBenchmark() {
    }

    public static void main(String[] args) {
        int drivers = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int cores = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        List<String> workerArgs = BenchCluster.isolationArgument(args, 2);
        try (WorkDir work = WorkDir.create("cluster-benchmark");
                BenchCluster cluster = BenchCluster.start(work, cores, cores * 256L,
                        List.of("--drover.master.retained-drivers=" + drivers * 2), workerArgs)) {
            DroverClient client = cluster.client();
            // The first bursts pay for class loading and JIT compilation; a long-running master has done both.
            for (int round = 1; round <= WARM_UP_BURSTS; round++) {
                burst(client, drivers);
            }
            System.out.printf(Locale.ROOT, "Drover cluster benchmark: bursts of %d drivers of /bin/true, master and "
                    + "one worker with %d cores as their own processes (isolation %s), %d CPUs, load %s, after %d "
                    + "warm-up bursts%n", drivers, cores, BenchCluster.isolationLabel(args, 2),
                    Runtime.getRuntime().availableProcessors(), BenchCluster.loadAverage(), WARM_UP_BURSTS);
            byHand(drivers, cores);
            for (int round = 1; round <= MEASURED_BURSTS; round++) {
                System.out.printf(Locale.ROOT, "burst %d%n", round);
                BurstCpu before = BurstCpu.now(cluster);
                Burst burst = burst(client, drivers);
                report(burst);
                System.out.println(BurstCpu.now(cluster).since(before).perProcess(drivers));
            }
        }
    }

    /** The baseline: the same processes started from this JVM, {@code parallel} at a time. */
    private static void byHand(int count, int parallel) {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            long started = System.nanoTime();
            List<Future<Long>> runs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                runs.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    new ProcessBuilder("/bin/true").start().waitFor();
                    return System.nanoTime() - start;
                }));
            }
            List<Double> millis = new ArrayList<>();
            for (Future<Long> run : runs) {
                millis.add(run.get() / 1e6);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            millis.sort(Comparator.naturalOrder());
            System.out.printf(Locale.ROOT, "baseline: %d /bin/true started by hand, %d at a time%n", count, parallel);
            print("  start -> exit     ", millis);
            System.out.printf(Locale.ROOT, "  throughput         %8.1f processes ended/s%n", count / seconds);
        } catch (Exception e) {
            throw new IllegalStateException("the baseline failed", e);
        } finally {
            pool.shutdownNow();
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

    static List<Double> millis(List<DriverView> drivers, Function<DriverView, Instant> to) {
        return drivers.stream().filter(d -> to.apply(d) != null)
                .map(d -> Duration.between(d.submittedAt(), to.apply(d)).toNanos() / 1e6)
                .sorted().toList();
    }

    static void print(String label, List<Double> sorted) {
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
}
