package io.drover.cluster;

import static org.awaitility.Awaitility.await;

import io.drover.protocol.api.ClusterView;
import io.drover.protocol.state.MasterStatus;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A master started from its executable jar as a process of its own, as an operator runs it: the JDK's
 * {@code java}, its Spring AOT beans (as bin/drover-master starts it), fixed loopback ports (so it can be restarted at the same address), its output in files.
 * Signals go to its PID only: {@code kill -9}, {@code SIGSTOP} and {@code SIGCONT} as an operator or a
 * crash would send them.
 */
public final class MasterProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;
    final String url;
    final int port;
    final int internalPort;

    private MasterProcess(String name, Process process, Path stdout, Path stderr, int port, int internalPort) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.port = port;
        this.internalPort = internalPort;
        this.url = "http://127.0.0.1:" + port;
    }

    /**
     * Starts {@code java -jar master-app-*-exec.jar} with the test cluster's secret on the given ports, and
     * {@code args} after the defaults (so they override them). {@code runAs} prefixes the command (setpriv).
     */
    static MasterProcess start(String name, Path logDir, int port, int internalPort, List<String> runAs,
            List<String> args) {
        List<String> command = new ArrayList<>(runAs);
        command.addAll(List.of(javaExecutable().toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xshare:auto", "-Dspring.aot.enabled=true", "-jar", masterJar().toString(),
                "--server.address=127.0.0.1",
                "--server.port=" + port,
                "--drover.master.internal-port=" + internalPort,
                "--drover.auth.secret=" + Credentials.SECRET,
                "--drover.master.schedule-interval=200ms",
                "--logging.level.io.drover=INFO"));
        command.addAll(args);
        try {
            Files.createDirectories(logDir);
            Path out = logDir.resolve(name + ".out");
            Path err = logDir.resolve(name + ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(logDir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().keySet().removeIf(variable -> variable.startsWith("DROVER_"));
            return new MasterProcess(name, builder.start(), out, err, port, internalPort);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + command, e);
        }
    }

    /** The JDK this test runs on: the master runs on the same one. */
    private static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The master's executable jar, which the reactor's {@code package} of master-app made before these tests. */
    static Path masterJar() {
        Path target = Path.of(System.getProperty("drover.master.target", "../master-app/target"));
        try (var files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("master-app-.*-exec\\.jar")).findFirst()
                    .orElseThrow();
        } catch (IOException | java.util.NoSuchElementException e) {
            throw new IllegalStateException("no master-app-*-exec.jar in " + target.toAbsolutePath()
                    + "; these tests run at verify, after master-app is packaged (./mvnw -pl cluster-tests -am verify)");
        }
    }

    long pid() {
        return process.pid();
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** A crash: SIGKILL, nothing runs in the master after it. Waits until the process is gone. */
    void kill9() {
        signal("KILL");
        awaitExit(Duration.ofSeconds(30));
    }

    /** Freezes every thread of the master (a long GC pause, a stopped VM): it can neither act nor notice. */
    void freeze() {
        signal("STOP");
    }

    void resume() {
        signal("CONT");
    }

    /** SIGTERM, as systemd stops it; SIGKILL if it has not ended within 20 s. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        signal("CONT"); // a frozen process does not act on SIGTERM
        signal("TERM");
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                signal("KILL");
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                if (process.isAlive()) {
                    throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed: "
                            + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the process to end on its own and returns its exit code. */
    int awaitExit(Duration atMost) {
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " did not exit within " + atMost + "\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET /api/v1/cluster}, which every master answers in every state; empty while it cannot answer. */
    Optional<ClusterView> cluster() {
        try {
            HttpResponse<String> response = HTTP.send(Credentials.authorized(url + "/api/v1/cluster")
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readValue(response.body(), ClusterView.class))
                    : Optional.empty();
        } catch (ConnectException | java.net.http.HttpTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Optional<MasterStatus> status() {
        return cluster().map(ClusterView::status);
    }

    /** Waits until the master answers with {@code status}; fails early, with its output, if it exits. */
    void awaitStatus(MasterStatus status, Duration atMost) {
        await(name + " " + status).atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "\n" + output());
            }
            return status().orElse(null) == status;
        });
    }

    /** Its stdout and stderr so far. */
    String output() {
        return "----- " + name + " (pid " + process.pid() + ") stdout -----\n" + read(stdout)
                + "----- " + name + " stderr -----\n" + read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
