package io.drover.cluster;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A worker run as its own process from worker-app's executable jar, for tests that signal or kill it. */
final class WorkerJar {

    private WorkerJar() {
    }

    /** worker-app's executable jar, built before this module in the reactor; empty when it is not built. */
    static Optional<Path> find() throws IOException {
        Path target = Path.of("..", "worker-app", "target").toAbsolutePath().normalize();
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "worker-app-*-exec.jar")) {
            for (Path jar : jars) {
                return Optional.of(jar);
            }
        }
        return Optional.empty();
    }

    /** Starts a worker of 2 cores and 1 GiB with its output in {@code log}; {@code extraArgs} add settings. */
    static Process start(Path jar, String masterUrl, Path workDir, Path log, String... extraArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dspring.aot.enabled=true", "-jar", jar.toString(), "--server.port=0", "--drover.auth.secret=" + Credentials.SECRET,
                "--drover.worker.master-urls=" + masterUrl, "--drover.worker.cores=2",
                "--drover.worker.memory-mb=1024", "--drover.worker.work-dir=" + workDir));
        command.addAll(List.of(extraArgs));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static String log(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "(no log)";
    }
}
