package io.drover.examples;

import io.drover.client.DriverContext;
import io.drover.client.DroverClient;
import io.drover.client.DroverClientException;
import io.drover.client.EventSubscription;
import io.drover.protocol.api.ApplicationEvent;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.command.CommandSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Estimates π on a Drover cluster, the way Spark's {@code SparkPi} does: the driver registers an application
 * whose executors ({@link PiExecutor}) fetch partitions from the driver's small HTTP server ({@link PiJob}),
 * count random points inside the unit circle ({@link PiPartition}) and send the counts back. It prints
 * {@code Pi is roughly 3.14159265 (N inside of M samples over P partitions)} and which executors did what,
 * finishes the application and exits 0.
 *
 * <pre>
 * args: [partitions=8] [samplesPerPartition=2000000] [maxCores=4]
 * </pre>
 *
 * <p>It runs as a Drover driver: {@code DROVER_MASTER_URL} says where to register, {@code DROVER_DRIVER_ID}
 * ties the application to this driver, its server listens on {@code DROVER_HOSTNAME} (default
 * {@code 127.0.0.1}), and the executors run from the same jar ({@code DROVER_APP_RESOURCE}, else the jar this
 * class was loaded from).
 */
public final class PiDriver {

    static final int DEFAULT_PARTITIONS = 8;
    static final long DEFAULT_SAMPLES = 2_000_000;
    static final int DEFAULT_MAX_CORES = 4;
    static final int MAX_PARTITIONS = 100_000;
    static final long MAX_SAMPLES = 1_000_000_000_000L;
    /** How long to wait for every partition's result before giving up. */
    static final Duration RESULT_TIMEOUT = Duration.ofMinutes(10);
    static final long EXECUTOR_MEMORY_MB = 256;

    private PiDriver() {
    }

    /** What to compute. */
    record Settings(int partitions, long samplesPerPartition, int maxCores) {
    }

    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err, RESULT_TIMEOUT);
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /** Does the work of {@link #main}; returns the exit status: 0, 1 when the job failed, 2 for bad input. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, Duration timeout) {
        Settings settings;
        DriverContext context;
        String appResource;
        try {
            settings = parse(args);
            context = new DriverContext(env);
            appResource = appResource(context);
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("PiDriver: " + e.getMessage());
            err.println("usage: PiDriver [partitions=" + DEFAULT_PARTITIONS + "] [samplesPerPartition="
                    + DEFAULT_SAMPLES + "] [maxCores=" + DEFAULT_MAX_CORES + "], as a Drover driver (DROVER_MASTER_URL set)");
            return 2;
        }
        String host = context.hostname().orElse("127.0.0.1");
        try (PiJob job = PiJob.start(host, settings.partitions(), settings.samplesPerPartition())) {
            out.println("Pi driver " + context.driverId().orElse("(not on a worker)") + ": "
                    + settings.partitions() + " partitions of " + settings.samplesPerPartition()
                    + " samples, tasks at " + job.url());
            DroverClient drover = context.client();
            String appId = drover.registerApplication(request(settings, appResource, job, context));
            out.println("Registered application " + appId + " with the master at " + context.masterUrl());
            try (EventSubscription events = follow(drover, appId, job, out, err)) {
                PiResult result = job.await(timeout);
                out.println(result.summary());
                out.println("Partitions by executor:");
                result.contributions().forEach(line -> out.println("  " + line));
                out.flush();
                finish(drover, appId, err);
                return 0;
            } catch (TimeoutException e) {
                err.println("PiDriver: " + job.tasks().completed() + " of " + settings.partitions()
                        + " partitions had a result after " + timeout + "; killing " + appId);
                kill(drover, appId, err);
                return 1;
            } catch (IllegalStateException e) {
                err.println("PiDriver: " + e.getMessage());
                return 1;
            }
        } catch (IOException e) {
            err.println("PiDriver: cannot serve tasks on " + host + ": " + e.getMessage());
            return 1;
        } catch (DroverClientException e) {
            err.println("PiDriver: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("PiDriver: interrupted");
            return 1;
        }
    }

    static Settings parse(String[] args) {
        if (args.length > 3) {
            throw new IllegalArgumentException("at most 3 arguments, got " + args.length);
        }
        int partitions = args.length > 0 ? (int) number(args[0], "partitions", 1, MAX_PARTITIONS) : DEFAULT_PARTITIONS;
        long samples = args.length > 1 ? number(args[1], "samplesPerPartition", 1, MAX_SAMPLES) : DEFAULT_SAMPLES;
        int maxCores = args.length > 2 ? (int) number(args[2], "maxCores", 1, 10_000) : DEFAULT_MAX_CORES;
        return new Settings(partitions, samples, maxCores);
    }

    /** The application: one-core executors running {@link PiExecutor} from the same jar. */
    static RegisterApplicationRequest request(Settings settings, String appResource, PiJob job, DriverContext context) {
        CommandSpec command = CommandSpec.jvm(PiExecutor.class.getName(), List.of("{{APP_RESOURCE}}"), List.of());
        return new RegisterApplicationRequest("pi", command, appResource, 1, EXECUTOR_MEMORY_MB,
                settings.maxCores(), null, job.url().toString(), context.driverId().orElse(null));
    }

    /**
     * The executors' jar: this driver's appResource as submitted (a worker copies no file from inside its own work
     * directory, where this driver's copy is), else a {@code file:} URL of the worker's copy or of where this
     * class was loaded from.
     */
    static String appResource(DriverContext context) {
        if (context.appResourceUrl().isPresent()) {
            return context.appResourceUrl().get();
        }
        Path jar = context.appResource().orElseGet(PiDriver::ownJar);
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("cannot find the examples jar to hand to executors (DROVER_APP_RESOURCE is "
                    + context.appResource().map(Path::toString).orElse("unset") + "); run PiDriver from the jar");
        }
        return jar.toAbsolutePath().toUri().toString();
    }

    private static Path ownJar() {
        CodeSource source = PiDriver.class.getProtectionDomain().getCodeSource();
        try {
            return source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Prints what happens to the executors and stops waiting when the application ends before the job does.
     * The stream is a nicety: when it cannot be opened the job goes on without it.
     */
    private static EventSubscription follow(DroverClient drover, String appId, PiJob job, PrintStream out, PrintStream err) {
        try {
            return drover.followEvents(appId, event -> {
                out.println("  [" + appId + "] " + describe(event));
                if (event.state() != null && event.state().isTerminal()) {
                    job.abort("the application ended " + event.state()
                            + (event.message() != null ? ": " + event.message() : "") + " before every partition had a result");
                }
            });
        } catch (DroverClientException e) {
            err.println("PiDriver: not following the application's events: " + e.getMessage());
            return null;
        }
    }

    static String describe(ApplicationEvent event) {
        ExecutorView executor = event.executor();
        if (executor == null) {
            return "application " + event.state() + (event.message() != null ? " (" + event.message() + ")" : "");
        }
        String what = switch (event.type()) {
            case EXECUTOR_ADDED -> "added";
            case EXECUTOR_REMOVED -> "removed";
            default -> "now";
        };
        return "executor " + executor.executorId() + " " + what + " " + executor.state() + " on "
                + (executor.workerUrl() != null ? executor.workerUrl() : executor.workerId())
                + (executor.exitCode() != null ? " (exit code " + executor.exitCode() + ")" : "");
    }

    private static void finish(DroverClient drover, String appId, PrintStream err) {
        try {
            drover.finishApplication(appId);
        } catch (DroverClientException e) {
            // The answer is in; the master also ends the application when this driver ends.
            err.println("PiDriver: could not finish " + appId + ": " + e.getMessage());
        }
    }

    private static void kill(DroverClient drover, String appId, PrintStream err) {
        try {
            drover.killApplication(appId);
        } catch (DroverClientException e) {
            err.println("PiDriver: could not kill " + appId + ": " + e.getMessage());
        }
    }

    private static long number(String text, String name, long min, long max) {
        try {
            long value = Long.parseLong(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException(name + " must be a number from " + min + " to " + max + ", not '" + text + "'");
    }
}
