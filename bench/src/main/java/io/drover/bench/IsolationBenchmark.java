package io.drover.bench;

import io.drover.client.DroverClient;
import io.drover.master.MasterApplication;
import io.drover.protocol.api.DriverView;
import io.drover.worker.WorkerApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What process isolation (issue 10) costs a launch: two clusters in one JVM, each a master and one worker
 * offering as many cores as a burst has drivers (so no driver waits for another to end: submit→RUNNING is
 * placement and launch only), one worker with {@code drover.worker.isolation=none} and one with
 * {@code process}; bursts of 200 drivers of {@code /bin/true} go to each in turn (none, process, none, …), so
 * both see the same machine at the same time. Prints submit→RUNNING and submit→FINISHED per burst and
 * their medians for each mode, and the worker's own launch time ({@code drover.worker.process.launch}:
 * directory, cgroup, fork and exec) per mode.
 *
 * <p>Run as root (process isolation needs it): {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl bench
 * exec:java -Dexec.mainClass=io.drover.bench.IsolationBenchmark} (arguments: drivers, default 200; bursts, default 5).
 */
public final class IsolationBenchmark {

    private static final int WARM_UP_BURSTS = 2;
    private static final List<String> MODES = List.of("none", "process");

    private IsolationBenchmark() {
    }

    /** One mode's cluster and what was measured on it. */
    private record Cluster(String mode, ConfigurableApplicationContext master, ConfigurableApplicationContext worker,
            DroverClient client, List<Double> p50s, List<Double> finishedP50s) implements AutoCloseable {

        Timer launches() {
            return worker.getBean(MeterRegistry.class).get("drover.worker.process.launch").timer();
        }

        @Override
        public void close() {
            worker.close();
            master.close();
        }
    }

    public static void main(String[] args) throws IOException {
        int drivers = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int bursts = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path work = BenchWorkDir.create();
        List<Cluster> clusters = new ArrayList<>();
        try {
            for (String mode : MODES) {
                clusters.add(start(mode, drivers, work.resolve(mode)));
            }
            for (int round = 0; round < WARM_UP_BURSTS; round++) {
                clusters.forEach(cluster -> ClusterBenchmark.burst(cluster.client(), drivers));
            }
            List<long[]> before = clusters.stream().map(IsolationBenchmark::launchTotals).toList();
            System.out.printf(Locale.ROOT, "Drover isolation benchmark: bursts of %d drivers of /bin/true per mode, "
                    + "taken in turn, %d CPUs, after %d warm-up bursts each%n", drivers,
                    Runtime.getRuntime().availableProcessors(), WARM_UP_BURSTS);
            for (int round = 1; round <= bursts; round++) {
                for (Cluster cluster : clusters) {
                    ClusterBenchmark.Burst burst = ClusterBenchmark.burst(cluster.client(), drivers);
                    double p50 = ClusterBenchmark.percentile(ClusterBenchmark.millis(burst.drivers(),
                            DriverView::startedAt), 50);
                    double finished = ClusterBenchmark.percentile(ClusterBenchmark.millis(burst.drivers(),
                            DriverView::endedAt), 50);
                    cluster.p50s().add(p50);
                    cluster.finishedP50s().add(finished);
                    System.out.printf(Locale.ROOT, "burst %d %-8s submit -> RUNNING p50 %6.1f ms   submit -> FINISHED "
                            + "p50 %6.1f ms%n", round, cluster.mode(), p50, finished);
                }
            }
            for (int i = 0; i < clusters.size(); i++) {
                Cluster cluster = clusters.get(i);
                long[] after = launchTotals(cluster);
                double launchMs = (after[1] - before.get(i)[1]) / 1e6 / Math.max(1, after[0] - before.get(i)[0]);
                System.out.printf(Locale.ROOT, "%-8s median of burst p50s: submit -> RUNNING %6.1f ms, -> FINISHED "
                        + "%6.1f ms; one launch (dir, cgroup, fork, exec) %5.2f ms on average%n", cluster.mode(),
                        median(cluster.p50s()), median(cluster.finishedP50s()), launchMs);
            }
            System.out.printf(Locale.ROOT, "process - none: submit -> RUNNING p50 %+.1f ms (target: within 10 ms)%n",
                    median(clusters.get(1).p50s()) - median(clusters.get(0).p50s()));
        } finally {
            clusters.forEach(Cluster::close);
        }
    }

    private static Cluster start(String mode, int drivers, Path workDir) {
        String quiet = "--logging.level.io.drover=WARN";
        ConfigurableApplicationContext master = MasterApplication.builder().run("--server.port=0", quiet,
                BenchSecret.ARGUMENT, "--drover.master.retained-drivers=" + (drivers * 2));
        ConfigurableApplicationContext worker = WorkerApplication.builder().run("--server.port=0", quiet,
                BenchSecret.ARGUMENT, "--drover.worker.master-urls=" + url(master),
                "--drover.worker.cores=" + drivers, "--drover.worker.memory-mb=" + (drivers * 256),
                "--drover.worker.work-dir=" + workDir, "--drover.worker.isolation=" + mode);
        DroverClient client = DroverClient.builder(url(master)).bearerToken(BenchSecret.SECRET).build();
        awaitWorker(client);
        return new Cluster(mode, master, worker, client, new ArrayList<>(), new ArrayList<>());
    }

    /** The launch timer's count and total nanoseconds so far. */
    private static long[] launchTotals(Cluster cluster) {
        Timer timer = cluster.launches();
        return new long[] {timer.count(), (long) timer.totalTime(TimeUnit.NANOSECONDS)};
    }

    private static double median(List<Double> values) {
        return ClusterBenchmark.percentile(values.stream().sorted().toList(), 50);
    }

    private static void awaitWorker(DroverClient client) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (client.cluster().aliveWorkers() < 1) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the worker did not register within 30 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private static String url(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
