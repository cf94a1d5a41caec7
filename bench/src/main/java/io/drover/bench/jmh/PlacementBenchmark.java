package io.drover.bench.jmh;

import io.drover.master.scheduling.placement.ExecutorAssignment;
import io.drover.master.scheduling.placement.ExecutorPlacement;
import io.drover.master.scheduling.placement.PendingApp;
import io.drover.master.scheduling.placement.WorkerCapacity;
import io.drover.protocol.resources.Resources;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One full executor-placement round (DESIGN.md §3) on a large cluster: 1,000 workers with 16–64 free cores
 * and 64–256 GB each, and 1,000 waiting applications (half with {@code coresPerExecutor} unset, the rest 1,
 * 2, 4 or 8; 1–8 GB executors; most want 2–80 cores, some are unlimited but capped by an executor limit;
 * some already run executors on a few workers). Total demand exceeds the cluster, so late applications
 * find it partly full, as in a busy round. The workload comes from a fixed seed, so every run places the
 * same round.
 *
 * <p>Measures the average time of {@link ExecutorPlacement#place} per round, spread-out and consolidated.
 * The grants per round depend only on the workload, so {@link #main} computes them once and turns the
 * measured round time into executors granted per second.
 *
 * <p>Run (after {@code ./mvnw -B -q install -DskipTests}):
 * {@code ./mvnw -B -q -pl bench exec:java -Dexec.mainClass=io.drover.bench.jmh.PlacementBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PlacementBenchmark {

    static final long SEED = 42;
    static final int WORKERS = 1_000;
    static final int APPS = 1_000;
    private static final int[] CORES_PER_EXECUTOR = {1, 2, 4, 8};
    private static final long GB = 1024;

    @Param({"true", "false"})
    public boolean spreadOut;

    private List<WorkerCapacity> workers;
    private List<PendingApp> apps;

    @Setup
    public void setUp() {
        workers = workers(new Random(SEED));
        apps = apps(new Random(SEED + 1));
    }

    @Benchmark
    public List<ExecutorAssignment> placeOneRound() {
        return ExecutorPlacement.place(apps, workers, spreadOut);
    }

    static List<WorkerCapacity> workers(Random random) {
        List<WorkerCapacity> workers = new ArrayList<>(WORKERS);
        for (int i = 0; i < WORKERS; i++) {
            int cores = 16 + random.nextInt(49);
            long memoryMb = (64 + random.nextInt(193)) * GB;
            workers.add(new WorkerCapacity(workerId(i), Resources.of(cores, memoryMb)));
        }
        return List.copyOf(workers);
    }

    static List<PendingApp> apps(Random random) {
        List<PendingApp> apps = new ArrayList<>(APPS);
        for (int i = 0; i < APPS; i++) {
            Integer coresPerExecutor = random.nextBoolean() ? null : CORES_PER_EXECUTOR[random.nextInt(4)];
            long memoryMb = (1L << random.nextInt(4)) * GB;
            boolean unlimited = random.nextInt(20) == 0;
            int coresWanted = unlimited ? Integer.MAX_VALUE : 2 + random.nextInt(79);
            // An unlimited application is always capped by an executor limit, or the first one would take the
            // whole cluster and the round would be trivial for everyone after it.
            int executorsAllowed = unlimited || random.nextInt(4) == 0 ? 1 + random.nextInt(16) : Integer.MAX_VALUE;
            Set<String> workersWithExecutor = new HashSet<>();
            if (random.nextInt(5) == 0) {
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    workersWithExecutor.add(workerId(random.nextInt(WORKERS)));
                }
            }
            apps.add(new PendingApp("app-%04d".formatted(i), coresPerExecutor, memoryMb, coresWanted,
                    executorsAllowed, workersWithExecutor));
        }
        return List.copyOf(apps);
    }

    private static String workerId(int i) {
        return "worker-%04d".formatted(i);
    }

    /** What one round grants; the same in every run, since the workload is seeded. */
    record Grants(int executors, long cores, long apps) {

        static Grants of(List<ExecutorAssignment> placed) {
            return new Grants(placed.size(), placed.stream().mapToLong(ExecutorAssignment::cores).sum(),
                    placed.stream().map(ExecutorAssignment::appId).distinct().count());
        }
    }

    /** Runs the benchmark in a forked JVM (warm-up 3×1 s, measurement 5×1 s) and prints round times and grants/s. */
    public static void main(String[] args) throws RunnerException {
        exposeClassPathToFork();
        List<WorkerCapacity> workers = workers(new Random(SEED));
        List<PendingApp> apps = apps(new Random(SEED + 1));
        int freeCores = workers.stream().mapToInt(w -> w.free().cores()).sum();

        Options options = new OptionsBuilder()
                .include(PlacementBenchmark.class.getName() + ".")
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .forks(1)
                .jvmArgs("-Xms1g", "-Xmx1g")
                .build();
        Collection<RunResult> results = new Runner(options).run();

        System.out.printf(Locale.ROOT, "%nDrover placement benchmark: one executor round, %d workers (%d free cores), "
                + "%d waiting applications, seed %d, %d CPUs%n", WORKERS, freeCores, APPS, SEED,
                Runtime.getRuntime().availableProcessors());
        results.stream()
                .sorted(Comparator.comparing((RunResult r) -> r.getParams().getParam("spreadOut")).reversed())
                .forEach(result -> {
                    boolean spread = Boolean.parseBoolean(result.getParams().getParam("spreadOut"));
                    Grants grants = Grants.of(ExecutorPlacement.place(apps, workers, spread));
                    double ms = result.getPrimaryResult().getScore();
                    System.out.printf(Locale.ROOT, "spreadOut=%-5s  %7.3f ± %.3f ms/round  %,d executors (%,d cores) "
                            + "for %d apps per round  %,.0f executors granted/s%n", spread, ms,
                            result.getPrimaryResult().getScoreError(), grants.executors(), grants.cores(),
                            grants.apps(), grants.executors() / (ms / 1000));
                });
    }

    /**
     * JMH starts the fork with this JVM's {@code java.class.path}. Under {@code mvn exec:java} that is Maven's own
     * launcher, while the benchmark and its dependencies sit in the class loader exec:java built, so the fork
     * would find no benchmark; hand it that class loader's path instead.
     */
    private static void exposeClassPathToFork() {
        if (!(Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader)) {
            return;
        }
        List<String> entries = new ArrayList<>();
        for (URL url : loader.getURLs()) {
            try {
                entries.add(Path.of(url.toURI()).toString());
            } catch (URISyntaxException | IllegalArgumentException notAFile) {
                // Not a local file: the fork could not use it either.
            }
        }
        if (!entries.isEmpty()) {
            System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
        }
    }
}
