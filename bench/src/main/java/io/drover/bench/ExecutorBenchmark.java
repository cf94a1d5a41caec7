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
 * executor runs {@code sleep 5}, long enough that all are alive at once. Prints, from the master's own
 * timestamps, the time from registration to all RUNNING and to all of them EXITED; then finishes the
 * application and waits until the worker's cores are free again (the next round must fit: a worker never
 * runs more than it offers). The baseline, from the same run: 200 {@code sleep 5} started by hand from this
 * JVM, to all of them started.
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl bench exec:java
 * -Dexec.mainClass=io.drover.bench.ExecutorBenchmark} (arguments: executors, default 200; rounds, default 3; the worker's
 * {@code drover.worker.isolation}, default its own default).
 */
public final class ExecutorBenchmark {

    private ExecutorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int executors = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> workerArgs = BenchCluster.isolationArgument(args, 2);
        try (WorkDir work = WorkDir.create("executor-benchmark");
                BenchCluster cluster = BenchCluster.start(work, executors, executors * 64L, List.of(), workerArgs)) {
            DroverClient client = cluster.client();
            System.out.printf(Locale.ROOT, "Drover executor benchmark: %d one-core executors running sleep 5 on one "
                    + "worker with %d cores (isolation %s), master and worker as their own processes, %d CPUs, load %s%n",
                    executors, executors, args.length > 2 ? args[2] : "default", Runtime.getRuntime().availableProcessors(), BenchCluster.loadAverage());
            byHand(executors);
            for (int round = 1; round <= rounds; round++) {
                round(client, executors, round);
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
                CommandSpec.executable("/bin/sleep", List.of("5")), null, 1, 64L, executors, null, null, null));
        await(() -> firstGeneration(client.application(appId), executors).stream()
                .allMatch(e -> e.state() == ExecutorState.EXITED), Duration.ofMinutes(2));
        ApplicationView app = client.application(appId);
        client.finishApplication(appId);
        List<ExecutorView> first = firstGeneration(app, executors);
        Instant registered = app.submittedAt();
        Instant allRunning = first.stream().map(ExecutorView::startedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElseThrow();
        Instant firstRunning = first.stream().map(ExecutorView::startedAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElseThrow();
        Instant allExited = first.stream().map(ExecutorView::endedAt).max(Comparator.naturalOrder()).orElseThrow();
        System.out.printf(Locale.ROOT, "round %d: registration -> first RUNNING %6.0f ms, -> all %d RUNNING %6.0f ms, "
                + "-> all EXITED %6.0f ms%n", round, millis(registered, firstRunning), first.size(),
                millis(registered, allRunning), millis(registered, allExited));
        await(() -> client.cluster().coresUsed() == 0, Duration.ofMinutes(1));
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
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }
}
