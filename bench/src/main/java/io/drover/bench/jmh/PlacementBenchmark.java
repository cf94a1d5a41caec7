package io.drover.bench.jmh;

import io.drover.bench.jmh.baseline.ExecutorAssignment;
import io.drover.bench.jmh.baseline.ExecutorPlacement;
import io.drover.bench.jmh.baseline.PendingApp;
import io.drover.bench.jmh.baseline.WorkerCapacity;
import io.drover.master.scheduling.placement.Placement;
import io.drover.master.scheduling.placement.PlacementInput;
import io.drover.master.scheduling.placement.PlacementPipeline;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
 * One full placement round with reasons ({@link PlacementPipeline}, issue 14) on large clusters, beside the
 * baseline measured in the same run: the executor round as it was before (the {@code baseline} package), on
 * today's workload of 1,000 workers and 1,000 waiting applications (see {@link PlacementWorkloads}).
 *
 * <ul>
 *   <li>{@code baseline}: the old round, 1,000 × 1,000, no reasons;</li>
 *   <li>{@code pipeline} {@code today-1000x1000}: the new round on exactly that workload, with reasons;</li>
 *   <li>{@code pipeline} {@code queued-10000x10000}: 10,000 workers, 10,000 applications in 4 queues, with
 *   priorities, GPUs, draining and unhealthy workers.</li>
 * </ul>
 * Each spread-out and consolidated. The decisions depend only on the workload, so {@link #main} computes them
 * once and prints, beside each round's time, what it granted and how many waiting applications got a reason.
 *
 * <p>Run (after {@code ./mvnw -B -q install -DskipTests}, with your own Maven local repository):
 * {@code ./mvnw -B -q -pl bench exec:java -Dexec.mainClass=io.drover.bench.jmh.PlacementBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PlacementBenchmark {

    static final int TODAY = 1_000;
    static final int LARGE = 10_000;

    @State(Scope.Benchmark)
    public static class Baseline {
        @Param({"true", "false"})
        public boolean spreadOut;

        List<WorkerCapacity> workers;
        List<PendingApp> apps;

        @Setup
        public void setUp() {
            workers = PlacementWorkloads.baselineWorkers(TODAY);
            apps = PlacementWorkloads.baselineApps(TODAY, TODAY);
        }
    }

    @State(Scope.Benchmark)
    public static class Pipeline {
        @Param({"today-1000x1000", "queued-10000x10000"})
        public String workload;

        @Param({"true", "false"})
        public boolean spreadOut;

        PlacementInput input;

        @Setup
        public void setUp() {
            input = input(workload, spreadOut);
        }
    }

    static PlacementInput input(String workload, boolean spreadOut) {
        return workload.startsWith("today") ? PlacementWorkloads.today(TODAY, TODAY, spreadOut)
                : PlacementWorkloads.queued(LARGE, LARGE, spreadOut);
    }

    @Benchmark
    public List<ExecutorAssignment> baseline(Baseline state) {
        return ExecutorPlacement.place(state.apps, state.workers, state.spreadOut);
    }

    @Benchmark
    public Placement pipeline(Pipeline state) {
        return PlacementPipeline.place(state.input);
    }

    /**
     * Runs the benchmarks in a forked JVM (warm-up 5×2 s, measurement 5×2 s: a big round takes a tenth of a second,
     * so shorter iterations hold too few of them) and prints the rounds' times.
     */
    public static void main(String[] args) throws RunnerException {
        exposeClassPathToFork();
        Options options = new OptionsBuilder()
                .include(PlacementBenchmark.class.getName() + ".")
                .warmupIterations(5).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .forks(1)
                .jvmArgs("-Xms2g", "-Xmx2g")
                .build();
        Collection<RunResult> results = new Runner(options).run();

        System.out.printf(Locale.ROOT, "%nDrover placement benchmark: one round, seed %d, %d CPUs, load average %.2f%n",
                PlacementWorkloads.SEED, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing((RunResult r) -> r.getParams().getBenchmark())
                .thenComparing(r -> String.valueOf(r.getParams().getParam("workload")))
                .thenComparing(r -> r.getParams().getParam("spreadOut"), Comparator.reverseOrder()));
        for (RunResult result : sorted) {
            boolean spread = Boolean.parseBoolean(result.getParams().getParam("spreadOut"));
            String workload = result.getParams().getParam("workload");
            double ms = result.getPrimaryResult().getScore();
            String what;
            if (workload == null) {
                List<ExecutorAssignment> placed = ExecutorPlacement.place(
                        PlacementWorkloads.baselineApps(TODAY, TODAY), PlacementWorkloads.baselineWorkers(TODAY),
                        spread);
                what = String.format(Locale.ROOT, "baseline (before issue 14), 1000x1000: %,d executors (%,d cores), "
                        + "no reasons", placed.size(), placed.stream().mapToLong(ExecutorAssignment::cores).sum());
            } else {
                Placement placed = PlacementPipeline.place(input(workload, spread));
                what = String.format(Locale.ROOT, "pipeline %s: %,d executors (%,d cores), %,d waiting with a reason",
                        workload, placed.executors().size(),
                        placed.executors().stream().mapToLong(e -> e.cores()).sum(), placed.appReasons().size());
            }
            System.out.printf(Locale.ROOT, "spreadOut=%-5s %9.3f ± %.3f ms/round  %s%n", spread, ms,
                    result.getPrimaryResult().getScoreError(), what);
        }
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
