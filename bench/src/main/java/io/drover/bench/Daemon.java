package io.drover.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A Drover master or worker as users run it: its own {@code java} process, started from the Spring Boot jar
 * ({@code java -jar master-app-*-exec.jar}), or from a class path when a test runs without packaged jars.
 * Its output goes to a log file in the benchmark's work directory. Stopped with SIGTERM, then SIGKILL.
 */
public final class Daemon implements AutoCloseable {

    /** Which app, and how to start it: its jar under {@code <module>/target}, or its main class. */
    public enum App {
        MASTER("master-app", "io.drover.master.MasterApplication"),
        WORKER("worker-app", "io.drover.worker.WorkerApplication");

        final String module;
        final String mainClass;

        App(String module, String mainClass) {
            this.module = module;
            this.mainClass = mainClass;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final String url;

    private Daemon(Process process, Path log, String url) {
        this.process = process;
        this.log = log;
        this.url = url;
    }

    /**
     * Starts the app on {@code 127.0.0.1:<port>}.
     *
     * @param launch where the app comes from (its jar, or this JVM's class path)
     * @param arguments Spring Boot arguments ({@code --key=value})
     */
    public static Daemon start(App app, Launch launch, int port, Path logFile, List<String> jvmOptions,
            List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(launch.target(app));
        command.add("--server.address=127.0.0.1");
        command.add("--server.port=" + port);
        command.addAll(arguments);
        try {
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile()).start();
            return new Daemon(process, logFile, "http://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code path} answers 200, failing early (with the end of the log) when the process exits. */
    public void awaitOk(String path, Duration timeout) {
        awaitOk(path, null, timeout);
    }

    /** As {@link #awaitOk(String, Duration)}, with a bearer token. */
    public void awaitOk(String path, String token, Duration timeout) {
        await(() -> status(url + path, token) == 200, timeout, "GET " + path + " answering 200");
    }

    /** Waits for a condition, failing early (with the end of the log) when the process exits. */
    public void await(BooleanSupplier condition, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + ": the process exited with " + process.exitValue()
                        + "; the end of its log:\n" + tail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + ": not within " + timeout + "; the end of its log:\n" + tail());
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    /** The status of a GET, or -1 when nothing answers. */
    public static int status(String url, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, then SIGKILL after 15 s; waits for the process (and so for its children) to end. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** A free loopback port, for an app that must be told its port up front. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the apps come from: their executable jars, or this JVM's class path. */
    public record Launch(Path root, boolean fromClassPath) {

        /** The jars under {@code root}'s module directories; the repository root is found from here upwards. */
        public static Launch jars() {
            return new Launch(repositoryRoot(), false);
        }

        /** This JVM's class path (tests, where nothing is packaged yet). */
        public static Launch classPath() {
            return new Launch(repositoryRoot(), true);
        }

        List<String> target(App app) {
            if (fromClassPath) {
                return List.of("-cp", System.getProperty("java.class.path"), app.mainClass);
            }
            return List.of("-jar", jar(app).toString());
        }

        public Path jar(App app) {
            Path dir = root.resolve(app.module).resolve("target");
            try (var files = Files.list(dir)) {
                return files.filter(p -> p.getFileName().toString().matches(app.module + "-.*-exec\\.jar"))
                        .findFirst().orElseThrow(() -> missing(app));
            } catch (IOException e) {
                throw missing(app);
            }
        }

        private IllegalStateException missing(App app) {
            return new IllegalStateException("no " + app.module + "-*-exec.jar in " + root.resolve(app.module)
                    .resolve("target") + ": build the jars first (./mvnw -B -q package -DskipTests)");
        }

        /** The directory holding {@code mvnw} and {@code master-app}, from the working directory upwards. */
        static Path repositoryRoot() {
            Path dir = Path.of("").toAbsolutePath();
            for (Path p = dir; p != null; p = p.getParent()) {
                if (Files.exists(p.resolve("mvnw")) && Files.isDirectory(p.resolve("master-app"))) {
                    return p;
                }
            }
            throw new IllegalStateException("not inside the Drover repository: " + dir);
        }
    }
}
