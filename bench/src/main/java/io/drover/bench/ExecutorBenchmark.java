package io.drover.bench;

import io.drover.client.DroverClient;
import io.drover.master.MasterApplication;
import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.ExecutorState;
import io.drover.worker.WorkerApplication;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One application asking for 200 one-core executors on one worker offering 200 cores (one JVM, real HTTP
 * on loopback, real child processes). Each executor runs {@code sleep 5}, long enough that all are alive
 * at once. Prints, from the master's own timestamps, the time from registration to all RUNNING and to all
 * of them EXITED; then finishes the application.
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl bench exec:java
 * -Dexec.mainClass=io.drover.bench.ExecutorBenchmark} (arguments: executors, default 200; rounds, default 3).
 */
public final class ExecutorBenchmark {

    private ExecutorBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int executors = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = BenchWorkDir.create();
        String quiet = "--logging.level.io.drover=WARN";
        try (ConfigurableApplicationContext master = MasterApplication.builder().run("--server.port=0", quiet, BenchSecret.ARGUMENT);
                ConfigurableApplicationContext worker = WorkerApplication.builder().run("--server.port=0", quiet, BenchSecret.ARGUMENT,
                        "--drover.worker.master-urls=" + url(master),
                        "--drover.worker.cores=" + executors,
                        "--drover.worker.memory-mb=" + (executors * 64L),
                        "--drover.worker.work-dir=" + work)) {
            DroverClient client = DroverClient.builder(url(master)).bearerToken(BenchSecret.SECRET).build();
            await(() -> client.cluster().aliveWorkers() == 1, Duration.ofSeconds(30));
            System.out.printf(Locale.ROOT, "Drover executor benchmark: %d one-core executors running sleep 5 on one "
                    + "worker with %d cores, %d CPUs%n", executors, executors, Runtime.getRuntime().availableProcessors());
            for (int round = 1; round <= rounds; round++) {
                round(client, executors, round);
            }
        }
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
                ExecutorState.LAUNCHING, null, null, null, null, null));
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

    private static String url(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
