package io.drover.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: the release as a user gets it. The tarball {@code ./mvnw package} made is unpacked into an
 * empty directory; its own {@code bin/} starts a master and a worker on free ports, from another working
 * directory; its {@code drover} submits a driver and sees it finish; both are stopped by their PIDs.
 */
class ReleaseTarballIT {

    /** The master's and the worker's first start from a release also prepares their class-data archive. */
    private static final Duration LONG = Duration.ofSeconds(180);
    private static final Path TARBALL = Path.of(System.getProperty("drover.tarball", "target/missing.tar.gz"));
    private static final String VERSION = System.getProperty("drover.version", "");

    @TempDir
    Path tmp;
    private final List<Process> daemons = new ArrayList<>();

    @AfterEach
    void stopDaemons() throws InterruptedException {
        for (Process daemon : daemons) {
            daemon.destroy(); // SIGTERM to the JVM the script exec'd into: a worker stops its children first
        }
        for (Process daemon : daemons) {
            if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        }
    }

    @Test
    void theUnpackedReleaseRunsAClusterAndTheCommandLineFromAnyDirectory() throws Exception {
        // As root the worker isolates its children, which must pass through every directory above the
        // work directory; JUnit makes its temporary directory 0700, which the worker rightly refuses.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path unpacked = Files.createDirectories(tmp.resolve("unpacked"));
        assertThat(run(unpacked, List.of("tar", "-xzf", TARBALL.toString()), Map.of()).exitCode()).isZero();
        Path home = unpacked.resolve("drover-" + VERSION);
        assertThat(home.resolve("bin/drover")).isExecutable();
        assertThat(home.resolve("bin/drover-master")).isExecutable();
        assertThat(home.resolve("bin/drover-worker")).isExecutable();
        assertThat(home.resolve("conf/master.yml")).exists();
        assertThat(home.resolve("conf/worker.yml")).exists();
        assertThat(home.resolve("systemd/drover-master.service")).exists();
        assertThat(home.resolve("systemd/drover-worker.service")).exists();
        assertThat(home.resolve("LICENSE")).content().contains("Apache License");
        assertThat(home.resolve("README.md")).exists();
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
            assertThat(jars.map(jar -> jar.getFileName().toString())).containsExactlyInAnyOrder(
                    "master-app-" + VERSION + "-exec.jar", "worker-app-" + VERSION + "-exec.jar",
                    "drover-cli-" + VERSION + ".jar");
        }

        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        int masterPort = freePort();
        int workerPort = freePort();
        String masterUrl = "http://127.0.0.1:" + masterPort;
        Path secret = elsewhere.resolve("data/cluster-secret");
        start(home.resolve("bin/drover-master"), elsewhere, "master.log", "--server.port=" + masterPort);
        await("the master's generated secret").atMost(LONG).until(() -> Files.isRegularFile(secret) && Files.size(secret) > 0);
        Process worker = start(home.resolve("bin/drover-worker"), elsewhere, "worker.log", "--server.port=" + workerPort,
                "--drover.worker.master-urls=" + masterUrl, "--drover.auth.secret-file=" + secret,
                "--drover.worker.cores=2", "--drover.worker.memory-mb=1024");
        Map<String, String> env = Map.of("DROVER_MASTER", masterUrl, "DROVER_TOKEN", Files.readString(secret).strip(),
                "HOME", tmp.toString());
        String drover = home.resolve("bin/drover").toString();

        await("the worker ALIVE").atMost(LONG).pollInterval(Duration.ofSeconds(1))
                .failFast("the worker exited; see " + elsewhere.resolve("worker.log"), () -> !worker.isAlive())
                .until(() -> run(elsewhere, List.of(drover, "workers"), env).out().contains("ALIVE"));
        Result submitted = run(elsewhere, List.of(drover, "submit", "--name", "from-the-tarball", "--follow",
                "--", "/bin/sh", "-c", "echo hello from the release"), env);

        assertThat(submitted.exitCode()).as(submitted.err()).isZero();
        assertThat(submitted.out()).isEqualTo("hello from the release\n");
        assertThat(submitted.err()).contains("ended FINISHED");
        Result drivers = run(elsewhere, List.of(drover, "drivers"), env);
        assertThat(drivers.out()).contains("from-the-tarball", "FINISHED");
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Process start(Path script, Path dir, String log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DROVER_"));
        // The class-data archives the scripts prepare go to the test's directory, not the user's ~/.cache.
        builder.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        Process daemon = builder.start();
        daemons.add(daemon);
        return daemon;
    }

    private Result run(Path dir, List<String> command, Map<String, String> env) throws Exception {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DROVER_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(LONG.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end; err: " + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
