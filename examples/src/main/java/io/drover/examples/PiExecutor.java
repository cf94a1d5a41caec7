package io.drover.examples;

import io.drover.client.ExecutorContext;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The executor of {@link PiDriver}'s job: asks the driver at {@code DROVER_DRIVER_URL} for a partition
 * ({@code GET /task}), counts its points ({@link PiPartition}), posts the count ({@code POST /result}),
 * and again, until the driver answers {@code 204}: every partition has a result. Exits 0 then.
 *
 * <p>While the driver cannot be reached it retries for {@link #DRIVER_RETRY}, long enough for a driver that is
 * still starting. A driver that answered before and stops answering for {@link #DRIVER_GONE} has ended
 * (the job is over, or it failed and the application with it): the executor then stops and exits 0. Exits 1
 * when it never reached the driver or the driver answered something unexpected.
 */
public final class PiExecutor {

    /** How long the driver may stay unreachable before this executor gives up. */
    static final Duration DRIVER_RETRY = Duration.ofSeconds(30);
    /** How long a driver that answered before may stay unreachable before this executor takes it as gone. */
    static final Duration DRIVER_GONE = Duration.ofSeconds(2);

    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final URI driverUrl;
    private final String label;
    private final Duration retryFor;
    private final PrintStream out;
    private final HttpClient http;
    private boolean reachedDriver;

    PiExecutor(URI driverUrl, String label, Duration retryFor, PrintStream out) {
        this.driverUrl = driverUrl;
        this.label = label;
        this.retryFor = retryFor;
        this.out = out;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public static void main(String[] args) {
        int status = run(System.getenv(), System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /** Does the work of {@link #main}; returns the exit status. */
    static int run(Map<String, String> env, PrintStream out, PrintStream err) {
        ExecutorContext context;
        try {
            context = new ExecutorContext(env);
        } catch (IllegalStateException e) {
            err.println("PiExecutor: " + e.getMessage());
            return 2;
        }
        if (context.driverUrl().isEmpty()) {
            err.println("PiExecutor: DROVER_DRIVER_URL is not set: the application must be registered with a driverUrl");
            return 2;
        }
        String where = context.workerUrl().map(URI::toString).or(context::hostname).orElse("an unknown worker");
        String label = "executor " + context.executorId() + " on " + where;
        out.println("PiExecutor " + context.appId() + "/" + context.executorId() + ": driver at "
                + context.driverUrl().get());
        try {
            int done = new PiExecutor(context.driverUrl().get(), label, DRIVER_RETRY, out).work();
            out.println("No partitions left; computed " + done + ".");
            return 0;
        } catch (IOException e) {
            err.println("PiExecutor: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("PiExecutor: interrupted");
            return 1;
        }
    }

    /**
     * Works until the driver has no partition left (or has gone away after answering before); returns how
     * many partitions this executor computed.
     *
     * @throws IOException when the driver was never reachable, or answered with an unexpected status
     */
    int work() throws IOException, InterruptedException {
        int computed = 0;
        while (true) {
            HttpResponse<String> task = call(HttpRequest.newBuilder(driverUrl.resolve(PiJob.TASK_PATH)).GET());
            if (task == null || task.statusCode() == 204) {
                return computed;
            }
            expect(task, 200);
            int partition;
            long samples;
            try {
                partition = Integer.parseInt(task.body().strip());
                samples = Long.parseLong(task.headers().firstValue(PiJob.SAMPLES_HEADER).orElse(""));
            } catch (NumberFormatException e) {
                throw new IOException("the driver sent a task that is not a partition with a " + PiJob.SAMPLES_HEADER
                        + " header: '" + task.body().strip() + "'", e);
            }
            long started = System.nanoTime();
            long inside = PiPartition.countInside(partition, samples);
            out.printf("partition %d: %d of %d inside (%d ms)%n", partition, inside, samples,
                    (System.nanoTime() - started) / 1_000_000);
            HttpResponse<String> posted = call(HttpRequest
                    .newBuilder(driverUrl.resolve(PiJob.RESULT_PATH + "?partition=" + partition))
                    .header(PiJob.EXECUTOR_HEADER, label)
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(Long.toString(inside))));
            if (posted == null) {
                return computed;
            }
            expect(posted, 204);
            computed++;
        }
    }

    /**
     * Sends a request, retrying while the driver cannot be reached. Returns null when a driver that answered
     * before has been unreachable for {@code retryFor}: it ended, and so has the job.
     */
    private HttpResponse<String> call(HttpRequest.Builder request) throws IOException, InterruptedException {
        Duration patience = reachedDriver && DRIVER_GONE.compareTo(retryFor) < 0 ? DRIVER_GONE : retryFor;
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                HttpResponse<String> response = http.send(request.timeout(CALL_TIMEOUT).build(),
                        HttpResponse.BodyHandlers.ofString());
                reachedDriver = true;
                return response;
            } catch (IOException e) {
                if (System.nanoTime() - deadline > 0) {
                    if (reachedDriver) {
                        out.println("The driver at " + driverUrl + " has gone away (" + e + "); stopping.");
                        return null;
                    }
                    throw new IOException("the driver at " + driverUrl + " was not reachable for " + retryFor
                            + ": " + e, e);
                }
                Thread.sleep(RETRY_PAUSE.toMillis());
            }
        }
    }

    private static void expect(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body().strip());
        }
    }
}
