package io.drover.bench.durability;

import io.drover.client.DroverClient;
import io.drover.protocol.state.MasterStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A master started from {@code master-app-*-exec.jar} with the JDK's {@code java}, as an operator runs it,
 * on fixed loopback ports (a restart comes back at the same address). Its temporary files go to the run's
 * own directory, and it keeps no {@code hsperfdata} file, so a {@code kill -9} leaves nothing in /tmp.
 */
final class MasterJar implements AutoCloseable {

    private final Process process;
    private final List<String> command;
    private final Path log;
    final int port;
    final String url;

    private MasterJar(Process process, List<String> command, Path log, int port) {
        this.process = process;
        this.command = command;
        this.log = log;
        this.port = port;
        this.url = "http://127.0.0.1:" + port;
    }

    /** Starts a master on a free port with {@code settings} ({@code --key=value}). */
    static MasterJar start(Path dir, String name, String secret, List<String> settings) throws IOException {
        return start(dir, name, freePort(), freePort(), secret, settings);
    }

    static MasterJar start(Path dir, String name, int port, int internalPort, String secret, List<String> settings)
            throws IOException {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:-UsePerfData", "-Djava.io.tmpdir=" + tmp, "-Dspring.aot.enabled=true", "-jar",
                jar().toAbsolutePath().toString(),
                "--server.address=127.0.0.1", "--server.port=" + port, "--drover.master.internal-port=" + internalPort,
                "--drover.auth.secret=" + secret, "--logging.level.io.drover=WARN"));
        command.addAll(settings);
        Path log = dir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new MasterJar(process, command, log, port);
    }

    /** The restart of this master after it ended: same ports, same settings. */
    MasterJar restart(Path dir, String name) throws IOException {
        Path logFile = dir.resolve(name + ".log");
        Process started = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        return new MasterJar(started, command, logFile, port);
    }

    /** {@code master-app/target/master-app-*-exec.jar}, or the path in {@code -Ddrover.master.jar}. */
    static Path jar() {
        String given = System.getProperty("drover.master.jar");
        if (given != null) {
            return Path.of(given);
        }
        for (Path target : List.of(Path.of("master-app/target"), Path.of("../master-app/target"))) {
            if (Files.isDirectory(target)) {
                try (var files = Files.list(target)) {
                    Optional<Path> jar = files.filter(f -> f.getFileName().toString().matches("master-app-.*-exec\\.jar"))
                            .findFirst();
                    if (jar.isPresent()) {
                        return jar.get();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("no master-app/target/master-app-*-exec.jar: package master-app first, or "
                + "give -Ddrover.master.jar=...");
    }

    /** Polls {@code GET /api/v1/cluster} every 10 ms until the master reports {@code status}. */
    void awaitStatus(DroverClient client, MasterStatus status, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the master at " + url + " exited:\n" + tail());
            }
            try {
                if (client.cluster().status() == status) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet, or no answer: try again
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the master at " + url + " was not " + status + " within " + atMost
                        + ":\n" + tail());
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    /** The end of the master's output, for a failure's message (the run's directory is deleted after it). */
    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** A crash: SIGKILL to its PID, then waits until it is gone. */
    void kill9() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-KILL", Long.toString(process.pid())).inheritIO().start().waitFor();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
