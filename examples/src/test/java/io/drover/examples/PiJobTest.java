package io.drover.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The π job without a cluster: its server in this JVM, executors as threads. */
class PiJobTest {

    private static final int PARTITIONS = 8;
    private static final long SAMPLES = 20_000;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void twoExecutorsComputeTheExactAnswer() throws Exception {
        try (PiJob job = PiJob.start("127.0.0.1", PARTITIONS, SAMPLES)) {
            assertThat(job.url().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
            Future<Integer> a = threads.submit(() -> executor(job.url(), "a").work());
            Future<Integer> b = threads.submit(() -> executor(job.url(), "b").work());

            PiResult result = job.await(Duration.ofSeconds(60));

            assertThat(a.get(10, TimeUnit.SECONDS) + b.get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(PARTITIONS);
            assertThat(result.inside()).isEqualTo(PiPartitionTest.expectedInside(PARTITIONS, SAMPLES));
            assertThat(result.samples()).isEqualTo(PARTITIONS * SAMPLES);
            assertThat(result.summary()).startsWith("Pi is roughly 3.1")
                    .endsWith("inside of 160000 samples over 8 partitions)");
            assertThat(Set.copyOf(result.partitionsByExecutor().keySet())).isSubsetOf("a", "b");
            List<Integer> all = new ArrayList<>();
            result.partitionsByExecutor().values().forEach(all::addAll);
            assertThat(all).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
            assertThat(get(job.url(), "/task").statusCode()).as("nothing left").isEqualTo(204);
        }
    }

    @Test
    void aPartitionWhoseExecutorDiedIsHandedOutAgain() throws Exception {
        try (PiJob job = PiJob.start("127.0.0.1", PARTITIONS, SAMPLES)) {
            // An executor takes two partitions and dies without answering.
            Set<String> lost = new HashSet<>();
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> task = get(job.url(), "/task");
                assertThat(task.statusCode()).isEqualTo(200);
                assertThat(task.headers().firstValue("Pi-Samples")).contains(Long.toString(SAMPLES));
                lost.add(task.body());
            }
            assertThat(lost).containsExactly("0", "1");

            Future<Integer> survivor = threads.submit(() -> executor(job.url(), "survivor").work());
            PiResult result = job.await(Duration.ofSeconds(60));

            assertThat(survivor.get(10, TimeUnit.SECONDS)).isEqualTo(PARTITIONS);
            assertThat(result.inside()).isEqualTo(PiPartitionTest.expectedInside(PARTITIONS, SAMPLES));
            assertThat(result.partitionsByExecutor()).containsOnlyKeys("survivor");
        }
    }

    @Test
    void aDuplicateResultIsIgnoredAndBadOnesAreRefused() throws Exception {
        try (PiJob job = PiJob.start("127.0.0.1", 1, SAMPLES)) {
            assertThat(get(job.url(), "/task").body()).isEqualTo("0");
            long right = PiPartition.countInside(0, SAMPLES);

            assertThat(post(job.url(), "/result?partition=0", Long.toString(right), "first").statusCode()).isEqualTo(204);
            assertThat(post(job.url(), "/result?partition=0", "1", "second").statusCode()).isEqualTo(204);
            assertThat(job.await(Duration.ofSeconds(5)).inside()).isEqualTo(right);
            assertThat(job.await(Duration.ofSeconds(5)).partitionsByExecutor()).containsOnlyKeys("first");

            assertThat(post(job.url(), "/result?partition=1", "1", "x").statusCode()).isEqualTo(400);
            assertThat(post(job.url(), "/result?partition=zero", "1", "x").statusCode()).isEqualTo(400);
            assertThat(post(job.url(), "/result?partition=0", "lots", "x").statusCode()).isEqualTo(400);
            assertThat(post(job.url(), "/task", "", "x").statusCode()).isEqualTo(405);
            assertThat(get(job.url(), "/result").statusCode()).isEqualTo(405);
            assertThat(get(job.url(), "/tasks").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void awaitTimesOutOrGivesUpWhenAborted() throws Exception {
        try (PiJob job = PiJob.start("127.0.0.1", 2, SAMPLES)) {
            assertThatThrownBy(() -> job.await(Duration.ofMillis(100))).isInstanceOf(TimeoutException.class);

            job.abort("the application ended KILLED");

            assertThatThrownBy(() -> job.await(Duration.ofSeconds(5)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the application ended KILLED");
        }
    }

    @Test
    void anExecutorThatNeverReachesItsDriverFails() throws Exception {
        URI gone;
        try (PiJob job = PiJob.start("127.0.0.1", 1, SAMPLES)) {
            gone = job.url();
            assertThat(get(gone, "/task").statusCode()).isEqualTo(200);
        }
        PiExecutor never = executor(gone, "late");
        assertThatThrownBy(never::work).isInstanceOf(IOException.class).hasMessageContaining("was not reachable");
    }

    @Test
    void theExecutorMainReadsItsEnvironment() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PiJob job = PiJob.start("127.0.0.1", 2, SAMPLES)) {
            int status = PiExecutor.run(Map.of("DROVER_APP_ID", "app-1", "DROVER_EXECUTOR_ID", "4",
                    "DROVER_DRIVER_URL", job.url().toString(), "DROVER_WORKER_URL", "http://127.0.0.1:8082"),
                    print(out), print(err));

            assertThat(status).isZero();
            assertThat(job.await(Duration.ofSeconds(5)).partitionsByExecutor())
                    .containsOnlyKeys("executor 4 on http://127.0.0.1:8082");
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("partition 0:").contains("computed 2");
        }
        assertThat(PiExecutor.run(Map.of("DROVER_APP_ID", "app-1", "DROVER_EXECUTOR_ID", "4"), print(out), print(err)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("DROVER_DRIVER_URL is not set");
    }

    private static PiExecutor executor(URI url, String label) {
        return new PiExecutor(url, label, Duration.ofSeconds(1), print(new ByteArrayOutputStream()));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI base, String path, String body, String executor)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Pi-Executor", executor)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
