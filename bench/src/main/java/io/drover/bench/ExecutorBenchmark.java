package io.drover.bench;

import io.drover.client.DroverClient;
import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.ExecutorState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * One application asking for 200 one-core executors on one worker offering 200 cores, run as users run it:
 * master and worker each their own process from its jar (real HTTP on loopback, real child processes). Each
 * executor runs {@code sleep 600}: an executor that ended would be replaced (as Spark's master does while
 * the application wants executors), and replacements launched among the first ones would be measured with
 * them. Prints, from the master's own timestamps, the time from registration to the first and to all
 * RUNNING; then finishes the application and times until the worker's cores are free again (every executor
 * killed and reported gone; the next round must fit, a worker never runs more than it offers), and each
 * round's CPU per executor by process. The baseline, from the same run: 200 {@code sleep 5} started by hand
 * from this JVM, to all of them started.
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl bench exec:java
 * -Dexec.mainClass=io.drover.bench.ExecutorBenchmark} (arguments: executors, default 200; rounds, default 3; the worker's
 * {@code drover.worker.isolation}, default its own default).
 */
public final class ExecutorBenchmark {

    /** Long enough that no executor ends, and is replaced, while the others are still being launched. */
    private static final String EXECUTOR_SECONDS = "600";

    private ExecutorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int executors = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> workerArgs = BenchCluster.isolationArgument(args, 2);
        try (WorkDir work = WorkDir.create("executor-benchmark");
                BenchCluster cluster = BenchCluster.start(work, executors, executors * 64L, List.of(), workerArgs)) {
            DroverClient client = cluster.client();
            System.out.printf(Locale.ROOT, "Drover executor benchmark: %d one-core executors running sleep %s on one "
                    + "worker with %d cores (isolation %s), master and worker as their own processes, %d CPUs, load %s%n",
                    executors, EXECUTOR_SECONDS, executors, BenchCluster.isolationLabel(args, 2),
                    Runtime.getRuntime().availableProcessors(), BenchCluster.loadAverage());
            byHand(executors);
            for (int round = 1; round <= rounds; round++) {
                BurstCpu before = BurstCpu.now(cluster);
                round(client, executors, round);
                System.out.println(BurstCpu.now(cluster).since(before).perProcess(executors));
            }
        }
    }

    /** The baseline: the same processes started from this JVM, one after the other, then waited for. */
    private static void byHand(int count) throws Exception {
        long started = System.nanoTime();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            processes.add(new ProcessBuilder("/bin/sleep", "5").start());
        }
        double allStarted = (System.nanoTime() - started) / 1e6;
        for (Process p : processes) {
            p.waitFor();
        }
        System.out.printf(Locale.ROOT, "baseline: %d sleep 5 started by hand: all started after %6.0f ms, all "
                + "ended after %6.0f ms%n", count, allStarted, (System.nanoTime() - started) / 1e6);
    }

    private static void round(DroverClient client, int executors, int round) {
        String appId = client.registerApplication(new RegisterApplicationRequest("bench-" + round,
                CommandSpec.executable("/bin/sleep", List.of(EXECUTOR_SECONDS)), null, 1, 64L, executors, null, null,
                null));
        await(() -> firstGeneration(client.application(appId), executors).stream()
                .allMatch(e -> e.state() == ExecutorState.RUNNING), Duration.ofMinutes(2));
        ApplicationView app = client.application(appId);
        List<ExecutorView> first = firstGeneration(app, executors);
        Instant registered = app.submittedAt();
        Instant allRunning = first.stream().map(ExecutorView::startedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElseThrow();
        Instant firstRunning = first.stream().map(ExecutorView::startedAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElseThrow();
        long finishing = System.nanoTime();
        client.finishApplication(appId);
        await(() -> client.cluster().coresUsed() == 0, Duration.ofMinutes(1));
        System.out.printf(Locale.ROOT, "round %d: registration -> first RUNNING %6.0f ms, -> all %d RUNNING %6.0f ms; "
                + "finished -> all cores free %6.0f ms%n", round, millis(registered, firstRunning), first.size(),
                millis(registered, allRunning), (System.nanoTime() - finishing) / 1e6);
        if (app.executors().size() > executors) {
            System.out.printf(Locale.ROOT, "  %d executors in all: %d replaced ones that failed or were lost%n",
                    app.executors().size(), app.executors().size() - executors);
        }
    }

    /** The executors numbered below {@code count}: the ones granted at registration, not their replacements. */
    private static List<ExecutorView> firstGeneration(ApplicationView app, int count) {
        List<ExecutorView> first = app.executors().stream().filter(e -> e.executorId() < count).toList();
        return first.size() == count ? first : List.of(new ExecutorView(app.appId(), -1, null, null, 0, 0,
                ExecutorState.LAUNCHING, null, null, null, null, null, null));
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("timed out after " + timeout);
            }
            // Each look is a whole application of 200 executors in JSON: often enough, not a load of its own.
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }
}
