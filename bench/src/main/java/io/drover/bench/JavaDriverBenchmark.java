package io.drover.bench;

import io.drover.client.DroverClient;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.DriverState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * What Drover adds to a trivial Java driver (issue 13): a jar whose {@code main} prints a line, submitted as a
 * JVM command with the jar as its {@code appResource}, to a master and an 8-core worker, each its own process
 * from its jar. The baseline is the very command the worker runs ({@code java -Xmx<memory>m -cp tiny.jar
 * TrivialMain}, the worker's JDK), started by hand from this JVM in the same run, interleaved with the drivers
 * so both see the same load.
 *
 * <ul>
 *   <li>One at a time: the driver's submit → FINISHED from the master's own timestamps against the command's
 *       start → exit by hand; Drover's overhead is the difference of the medians. The breakdown shows where
 *       the rest goes: placing, launching (fetch, plan, spawn, the RUNNING report), running and the end report.
 *   <li>Back to back: 50 drivers submitted at once against the same 50 commands by hand, 8 at a time: drivers
 *       finished per second.
 * </ul>
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl bench exec:java
 * -Dexec.mainClass=io.drover.bench.JavaDriverBenchmark} (arguments: the isolation modes to measure, default
 * the worker's own default; for example {@code -Dexec.args="none process"} as root).
 */
public final class JavaDriverBenchmark {

    private static final int CORES = 8;
    private static final long MEMORY_MB = 256;
    private static final int WARM_UP = 10;
    private static final int ONE_AT_A_TIME = 20;
    private static final int BACK_TO_BACK = 50;

    private JavaDriverBenchmark() {
    }

    public static void main(String[] args) {
        List<String> modes = args.length == 0 ? List.of("default") : List.of(args);
        try (WorkDir work = WorkDir.create("java-driver-benchmark")) {
            Path resources = Files.createDirectories(work.path().resolve("resources"));
            Path jar = TinyJar.write(resources.resolve("tiny.jar"));
            System.out.printf(Locale.ROOT, "Drover trivial Java driver benchmark: %d CPUs, load %s%n",
                    Runtime.getRuntime().availableProcessors(), BenchCluster.loadAverage());
            for (String mode : modes) {
                measure(work, mode, resources, jar);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void measure(WorkDir work, String mode, Path resources, Path jar) throws IOException {
        List<String> workerArgs = new ArrayList<>(List.of("--drover.worker.allowed-resource-dirs=" + resources));
        if (!mode.equals("default")) {
            workerArgs.add("--drover.worker.isolation=" + mode);
        }
        Path byHandOut = Files.createDirectories(work.path().resolve("by-hand-" + mode));
        try (BenchCluster cluster = BenchCluster.start(work, CORES, CORES * 512L,
                List.of("--drover.master.retained-drivers=1000"), workerArgs)) {
            DroverClient client = cluster.client();
            SubmitDriverRequest request = new SubmitDriverRequest("trivial", jar.toUri().toString(),
                    CommandSpec.jvm(TinyJar.MAIN_CLASS, List.of("{{APP_RESOURCE}}"), List.of()), 1, MEMORY_MB, false);
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + MEMORY_MB + "m", "-cp", jar.toString(), TinyJar.MAIN_CLASS);
            for (int i = 0; i < WARM_UP; i++) {
                byHand(command, byHandOut.resolve("warm-" + i));
                oneDriver(client, request);
            }
            System.out.printf(Locale.ROOT, "isolation %s, after %d warm-up runs each way, load %s%n", mode, WARM_UP,
                    BenchCluster.loadAverage());
            List<Double> bare = new ArrayList<>();
            List<DriverView> drivers = new ArrayList<>();
            for (int i = 0; i < ONE_AT_A_TIME; i++) {
                bare.add(byHand(command, byHandOut.resolve("one-" + i)));
                drivers.add(oneDriver(client, request));
            }
            long finished = drivers.stream().filter(d -> d.state() == DriverState.FINISHED).count();
            System.out.printf(Locale.ROOT, "  one at a time: %d drivers (%d FINISHED), %d by hand%n", drivers.size(),
                    finished, bare.size());
            List<Double> total = ClusterBenchmark.millis(drivers, DriverView::endedAt);
            ClusterBenchmark.print("    by hand: start -> exit     ", sorted(bare));
            ClusterBenchmark.print("    Drover: submit -> FINISHED ", total);
            ClusterBenchmark.print("      submit -> placed         ", ClusterBenchmark.millis(drivers, DriverView::launchedAt));
            ClusterBenchmark.print("      placed -> RUNNING        ", between(drivers, DriverView::launchedAt, DriverView::startedAt));
            ClusterBenchmark.print("      RUNNING -> FINISHED      ", between(drivers, DriverView::startedAt, DriverView::endedAt));
            System.out.printf(Locale.ROOT, "    Drover's overhead at p50: %+.1f ms%n",
                    ClusterBenchmark.percentile(total, 50) - ClusterBenchmark.percentile(sorted(bare), 50));

            double byHandRate = byHandBurst(command, byHandOut);
            ClusterBenchmark.Burst burst = burst(client, request);
            List<DriverView> done = burst.drivers();
            Instant first = done.stream().map(DriverView::submittedAt).min(Comparator.naturalOrder()).orElseThrow();
            Instant last = done.stream().map(DriverView::endedAt).max(Comparator.naturalOrder()).orElseThrow();
            double seconds = Duration.between(first, last).toNanos() / 1e9;
            System.out.printf(Locale.ROOT, "  back to back: %d drivers on %d cores: %.1f finished/s (%.2f s, %d FINISHED); "
                    + "by hand %d at a time: %.1f ended/s%n", done.size(), CORES, done.size() / seconds, seconds,
                    done.stream().filter(d -> d.state() == DriverState.FINISHED).count(), CORES, byHandRate);
            ClusterBenchmark.print("    submit -> FINISHED         ", ClusterBenchmark.millis(done, DriverView::endedAt));
        }
    }

    private static DriverView oneDriver(DroverClient client, SubmitDriverRequest request) {
        String id = client.submitDriver(request);
        return client.awaitDriver(id, DriverState::isTerminal, Duration.ofMinutes(2));
    }

    private static ClusterBenchmark.Burst burst(DroverClient client, SubmitDriverRequest request) {
        Instant start = Instant.now();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < BACK_TO_BACK; i++) {
            ids.add(client.submitDriver(request));
        }
        Duration submitting = Duration.between(start, Instant.now());
        List<DriverView> done = new ArrayList<>();
        for (String id : ids) {
            done.add(client.awaitDriver(id, DriverState::isTerminal, Duration.ofMinutes(5)));
        }
        return new ClusterBenchmark.Burst(submitting, done);
    }

    /** The command by hand, its output to a file as a driver's goes: start → exit in ms. */
    private static double byHand(List<String> command, Path out) {
        try {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            int exit = process.waitFor();
            double millis = (System.nanoTime() - start) / 1e6;
            if (exit != 0) {
                throw new IllegalStateException(command + " exited " + exit + "; see " + out);
            }
            return millis;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The back-to-back baseline: the same number of commands by hand, as many at a time as the worker has cores. */
    private static double byHandBurst(List<String> command, Path outDir) {
        ExecutorService pool = Executors.newFixedThreadPool(CORES);
        try {
            long start = System.nanoTime();
            List<Future<Double>> runs = new ArrayList<>();
            for (int i = 0; i < BACK_TO_BACK; i++) {
                Path out = outDir.resolve("burst-" + i);
                runs.add(pool.submit(() -> byHand(command, out)));
            }
            for (Future<Double> run : runs) {
                run.get();
            }
            return BACK_TO_BACK / ((System.nanoTime() - start) / 1e9);
        } catch (Exception e) {
            throw new IllegalStateException("the baseline failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Double> between(List<DriverView> drivers, Function<DriverView, Instant> from,
            Function<DriverView, Instant> to) {
        return drivers.stream().filter(d -> from.apply(d) != null && to.apply(d) != null)
                .map(d -> Duration.between(from.apply(d), to.apply(d)).toNanos() / 1e6).sorted().toList();
    }

    private static List<Double> sorted(List<Double> values) {
        return values.stream().sorted().toList();
    }
}
