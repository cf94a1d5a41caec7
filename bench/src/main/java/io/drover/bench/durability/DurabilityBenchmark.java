package io.drover.bench.durability;

import io.drover.client.DroverClient;
import io.drover.master.persistence.MemoryPersistenceEngine;
import io.drover.master.persistence.RocksDbPersistenceEngine;
import io.drover.master.persistence.ZooKeeperPersistenceEngine;
import io.drover.protocol.state.MasterStatus;
import io.drover.worker.WorkerApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What durability costs and how fast it recovers (issue 9), all in one run on one machine:
 * <ol>
 * <li>the master from its jar in recovery mode NONE, LOCAL (RocksDB) and ZOOKEEPER (a local ZooKeeper), one
 * worker with 512 cores in this JVM, {@code /bin/true} drivers from 4 concurrent clients: submit → RUNNING
 * at a steady 100 submissions/s, then acknowledged submissions per second with the clients going flat out;
 * <li>take-over of a store of 1,000 workers, 10,000 drivers and 1,000 applications, in RocksDB and ZooKeeper;
 * <li>group commit alone: the state machine and one durable write per batch, without HTTP, per engine;
 * <li>failover with ZooKeeper and the default settings: {@code kill -9} of the leader → the standby ALIVE.
 * </ol>
 * The local ZooKeeper runs with ZooKeeper's sample configuration ({@code tickTime=2000}). Everything lives in
 * one temporary directory, deleted at the end.
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl bench exec:java
 * -Dexec.mainClass=io.drover.bench.durability.DurabilityBenchmark}
 */
public final class DurabilityBenchmark {

    static final String SECRET = "drover-benchmark-cluster-secret";
    private static final int CLIENTS = 4;
    private static final int STEADY_PER_CLIENT = 100;
    private static final Duration STEADY_PACE = Duration.ofMillis(40);
    private static final int FLAT_OUT_PER_CLIENT = 500;
    private static final int WORKER_CORES = 512;
    private static final int TAKE_OVERS = 3;
    private static final int GROUP_COMMIT_SUBMISSIONS = 2_000;
    private static final int FAILOVERS = 3;
    /** ZooKeeper's sample configuration (conf/zoo_sample.cfg): sessions of 4 to 40 s may be granted. */
    private static final int ZOOKEEPER_TICK_MS = 2000;

    private DurabilityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("drover-durability");
        // What libraries put in the temporary directory (RocksDB's native library, Tomcat's work directories)
        // goes into the run's own, deleted at the end with the rest.
        String systemTmp = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", Files.createDirectories(work.resolve("tmp")).toString());
        try {
            System.out.printf(Locale.ROOT, "Drover durability benchmark: %d CPUs, Java %s, master jar %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    MasterJar.jar().getFileName());
            List<String> summary = new ArrayList<>();
            List<ModeFigures> loads = new ArrayList<>();
            for (String mode : List.of("NONE", "LOCAL", "ZOOKEEPER")) {
                loads.add(submitLoad(work.resolve("load-" + mode.toLowerCase(Locale.ROOT)), mode));
            }
            double none = loads.get(0).runningP50();
            for (int i = 1; i < loads.size(); i++) {
                summary.add(String.format(Locale.ROOT, "%s submit -> RUNNING p50 %+.1f ms against NONE (target: "
                        + "within 2 ms)", i == 1 ? "LOCAL" : "ZOOKEEPER", loads.get(i).runningP50() - none));
                summary.add(String.format(Locale.ROOT, "%s acknowledged submissions/s %.0f with no worker, %.0f "
                        + "while /bin/true drivers run (NONE: %.0f and %.0f) (target: >= 1,000)",
                        i == 1 ? "LOCAL" : "ZOOKEEPER", loads.get(i).acknowledgedAlonePerSecond(),
                        loads.get(i).acknowledgedPerSecond(), loads.get(0).acknowledgedAlonePerSecond(),
                        loads.get(0).acknowledgedPerSecond()));
            }
            long lost = loads.stream().mapToLong(ModeFigures::lost).sum();
            long killed = loads.stream().mapToLong(ModeFigures::killed).sum();

            summary.add(recoverRocksDb(work.resolve("recovery-rocksdb")));
            try (TestingServer zooKeeper = zooKeeper(work.resolve("zookeeper-recovery"))) {
                summary.add(recoverZooKeeper(zooKeeper));
                groupCommit(work.resolve("group-commit"), zooKeeper);
            }
            try (TestingServer zooKeeper = zooKeeper(work.resolve("zookeeper-failover"))) {
                FailoverLoad.Result failover = FailoverLoad.run(Files.createDirectories(work.resolve("failover")),
                        zooKeeper, SECRET, FAILOVERS);
                System.out.printf(Locale.ROOT, "%nFailover, ZooKeeper, default settings (session timeout 5 s): "
                        + "kill -9 of the leader -> standby ALIVE%n");
                failover.failovers().forEach(d -> System.out.printf(Locale.ROOT, "  %8.0f ms%n", d.toNanos() / 1e6));
                summary.add(String.format(Locale.ROOT, "failover max %.1f s of %d (target: <= 10 s)",
                        failover.failovers().stream().max(Comparator.naturalOrder()).orElseThrow().toNanos() / 1e9,
                        FAILOVERS));
                lost += failover.lost();
                killed += failover.killed();
            }
            summary.add("acknowledged submissions lost: " + lost + "; running processes killed or restarted: " + killed
                    + " (target: 0 and 0)");
            System.out.printf(Locale.ROOT, "%nSummary%n");
            summary.forEach(line -> System.out.println("  " + line));
        } finally {
            System.setProperty("java.io.tmpdir", systemTmp);
            delete(work);
        }
    }

    /** What one recovery mode showed: steady submit → RUNNING p50, flat-out acknowledgements, lost, killed. */
    private record ModeFigures(double runningP50, double acknowledgedAlonePerSecond, double acknowledgedPerSecond,
            int lost, long killed) {
    }

    private static ModeFigures submitLoad(Path dir, String mode) throws Exception {
        Files.createDirectories(dir);
        TestingServer zooKeeper = mode.equals("ZOOKEEPER") ? zooKeeper(dir.resolve("zookeeper")) : null;
        List<String> settings = new ArrayList<>(List.of("--drover.master.recovery-mode=" + mode,
                "--drover.master.data-dir=" + dir.resolve("data"), "--drover.master.retained-drivers=10000",
                "--drover.master.quotas.max-drivers=100000"));
        if (zooKeeper != null) {
            settings.add("--drover.zookeeper.url=" + zooKeeper.getConnectString());
        }
        try (MasterJar master = MasterJar.start(dir, "master", SECRET, settings)) {
            DroverClient client = DroverClient.builder(master.url).bearerToken(SECRET).build();
            master.awaitStatus(client, MasterStatus.ALIVE, Duration.ofMinutes(2));
            // Acknowledgements alone first: with no worker yet nothing is launched, so the machine's two cores
            // go to the master and the clients; these drivers run once the worker is there.
            Duration ackOnly = SubmitLoad.acknowledge(client, CLIENTS, FLAT_OUT_PER_CLIENT);
            try (ConfigurableApplicationContext worker = worker(dir, List.of(master.url), SECRET, WORKER_CORES)) {
                awaitWorker(client);
                awaitNoActiveDrivers(client);
                // The first submissions pay for class loading and compilation; a master that has run a while has not.
                SubmitLoad.run(client, CLIENTS, STEADY_PER_CLIENT, null);
                SubmitLoad.Result steady = SubmitLoad.run(client, CLIENTS, STEADY_PER_CLIENT, STEADY_PACE);
                SubmitLoad.Result flatOut = SubmitLoad.run(client, CLIENTS, FLAT_OUT_PER_CLIENT, null);
                System.out.printf(Locale.ROOT, "%nRecovery mode %s (master from its jar, one worker of %d cores, "
                        + "/bin/true drivers, %d clients)%n", mode, WORKER_CORES, CLIENTS);
                print("  steady 100/s:  201 acknowledged  ", steady.ackMillis());
                print("  steady 100/s:  submit -> RUNNING ", steady.runningMillis());
                print("  flat out:      201 acknowledged  ", flatOut.ackMillis());
                print("  flat out:      submit -> RUNNING ", flatOut.runningMillis());
                System.out.printf(Locale.ROOT, "  no worker yet: %.0f acknowledged submissions/s (%d in %.2f s)%n",
                        CLIENTS * FLAT_OUT_PER_CLIENT / (ackOnly.toNanos() / 1e9), CLIENTS * FLAT_OUT_PER_CLIENT,
                        ackOnly.toNanos() / 1e9);
                System.out.printf(Locale.ROOT, "  flat out:      %.0f acknowledged submissions/s (%d in %.2f s); "
                        + "lost %d, not FINISHED once %d%n", flatOut.acknowledgedPerSecond(), flatOut.submitted(),
                        flatOut.submitting().toNanos() / 1e9, steady.lost() + flatOut.lost(),
                        steady.killed() + flatOut.killed());
                return new ModeFigures(percentile(steady.runningMillis(), 50),
                        CLIENTS * FLAT_OUT_PER_CLIENT / (ackOnly.toNanos() / 1e9), flatOut.acknowledgedPerSecond(),
                        steady.lost() + flatOut.lost(), steady.killed() + flatOut.killed());
            }
        } finally {
            if (zooKeeper != null) {
                zooKeeper.close();
            }
        }
    }

    private static String recoverRocksDb(Path dir) {
        Path state = dir.resolve("state");
        int records;
        try (RocksDbPersistenceEngine engine = RocksDbPersistenceEngine.open(state)) {
            records = RecoveryLoad.fill(engine);
        }
        System.out.printf(Locale.ROOT, "%nTake-over of a RocksDB store (%d records written: %d workers, %d drivers, "
                + "%d applications with their executors)%n", records, RecoveryLoad.WORKERS, RecoveryLoad.DRIVERS,
                RecoveryLoad.APPLICATIONS);
        List<Double> totals = new ArrayList<>();
        for (int i = 0; i <= TAKE_OVERS; i++) {
            long opening = System.nanoTime();
            try (RocksDbPersistenceEngine engine = RocksDbPersistenceEngine.open(state)) {
                Duration open = Duration.ofNanos(System.nanoTime() - opening);
                RecoveryLoad.TakeOver took = RecoveryLoad.takeOver(engine);
                totals.add(report(i, "open " + millis(open), took));
            }
        }
        return String.format(Locale.ROOT, "RocksDB take-over %.0f ms cold, %.0f ms warm (median of %d) "
                + "(target: <= 1 s; Spark's RocksDB: 260-300 ms)", totals.get(0), median(totals), TAKE_OVERS);
    }

    private static String recoverZooKeeper(TestingServer zooKeeper) throws InterruptedException {
        int records;
        try (CuratorFramework client = curator(zooKeeper)) {
            records = RecoveryLoad.fill(new ZooKeeperPersistenceEngine(client, "/drover"));
        }
        System.out.printf(Locale.ROOT, "%nTake-over of a ZooKeeper store (%d records written, the same shape)%n",
                records);
        List<Double> totals = new ArrayList<>();
        for (int i = 0; i <= TAKE_OVERS; i++) {
            long connecting = System.nanoTime();
            try (CuratorFramework client = curator(zooKeeper)) {
                Duration connect = Duration.ofNanos(System.nanoTime() - connecting);
                RecoveryLoad.TakeOver took = RecoveryLoad.takeOver(new ZooKeeperPersistenceEngine(client, "/drover"));
                totals.add(report(i, "connect " + millis(connect), took));
            }
        }
        return String.format(Locale.ROOT, "ZooKeeper take-over %.0f ms cold, %.0f ms warm (median of %d) "
                + "(target: <= 1 s; Spark's ZooKeeper: 5.2-5.5 s)", totals.get(0), median(totals), TAKE_OVERS);
    }

    /** The durable write alone, per engine and batch size: what a sync costs, and what group commit buys. */
    private static void groupCommit(Path dir, TestingServer zooKeeper) throws InterruptedException {
        System.out.printf(Locale.ROOT, "%nGroup commit alone (state machine + one durable write per batch, no HTTP, "
                + "%d submissions per figure)%n", GROUP_COMMIT_SUBMISSIONS);
        for (int batch : List.of(1, 4, 32)) {
            groupCommitLine("NONE", batch, GroupCommitLoad.run(new MemoryPersistenceEngine(), batch,
                    GROUP_COMMIT_SUBMISSIONS));
            try (RocksDbPersistenceEngine engine = RocksDbPersistenceEngine.open(dir.resolve("rocksdb-" + batch))) {
                groupCommitLine("LOCAL", batch, GroupCommitLoad.run(engine, batch, GROUP_COMMIT_SUBMISSIONS));
            }
            try (CuratorFramework client = curator(zooKeeper)) {
                groupCommitLine("ZOOKEEPER", batch, GroupCommitLoad.run(new ZooKeeperPersistenceEngine(client,
                        "/group-" + batch), batch, GROUP_COMMIT_SUBMISSIONS));
            }
        }
    }

    private static void groupCommitLine(String mode, int batch, GroupCommitLoad.Result result) {
        System.out.printf(Locale.ROOT, "  %-9s batches of %2d: %8.0f submissions/s, %6.2f ms per durable write%n",
                mode, batch, result.submissionsPerSecond(), result.writeMillis());
    }

    private static double report(int round, String before, RecoveryLoad.TakeOver took) {
        System.out.printf(Locale.ROOT, "  %s  %s, read and decode %s, rebuild %s: take-over %s (%d workers, %d "
                + "drivers, %d applications; the engine's read alone %s)%n", round == 0 ? "cold" : "warm", before,
                millis(took.storage()), millis(took.command()), millis(took.total()), took.workers(), took.drivers(),
                took.applications(), millis(took.rawRead()));
        return took.total().toNanos() / 1e6;
    }

    private static CuratorFramework curator(TestingServer zooKeeper) throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.newClient(zooKeeper.getConnectString(),
                new ExponentialBackoffRetry(200, 10));
        client.start();
        if (!client.blockUntilConnected(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no connection to ZooKeeper at " + zooKeeper.getConnectString());
        }
        return client;
    }

    private static TestingServer zooKeeper(Path dir) throws Exception {
        return new TestingServer(new InstanceSpec(dir.toFile(), -1, -1, -1, true, -1, ZOOKEEPER_TICK_MS, -1), true);
    }

    /** A worker in this JVM offering {@code cores} cores (64 MB each), following {@code masterUrls}. */
    static ConfigurableApplicationContext worker(Path dir, List<String> masterUrls, String secret, int cores) {
        return WorkerApplication.builder().run("--server.port=0", "--server.address=127.0.0.1",
                "--logging.level.io.drover=WARN", "--drover.auth.secret=" + secret,
                "--drover.worker.master-urls=" + String.join(",", masterUrls), "--drover.worker.cores=" + cores,
                "--drover.worker.memory-mb=" + cores * 64L, "--drover.worker.work-dir=" + dir.resolve("worker"));
    }

    static void awaitWorker(DroverClient client) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (client.cluster().aliveWorkers() < 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the worker did not register within a minute");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private static void awaitNoActiveDrivers(DroverClient client) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!client.cluster().activeDrivers().isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    private static void print(String label, List<Double> sorted) {
        System.out.printf(Locale.ROOT, "%s p50 %7.1f ms   p99 %7.1f ms   (n=%d)%n", label, percentile(sorted, 50),
                percentile(sorted, 99), sorted.size());
    }

    static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.min(sorted.size(), Math.max(1, rank)) - 1);
    }

    private static double median(List<Double> withCold) {
        return percentile(withCold.subList(1, withCold.size()).stream().sorted().toList(), 50);
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
