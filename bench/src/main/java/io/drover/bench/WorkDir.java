package io.drover.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A benchmark's scratch directory under {@code bench/target/bench-work/}, deleted with everything in it when
 * closed: benchmarks leave nothing behind, in {@code /tmp} or elsewhere.
 */
public final class WorkDir implements AutoCloseable {

    private final Path path;

    private WorkDir(Path path) {
        this.path = path;
    }

    public static WorkDir create(String name) {
        Path parent = Daemon.Launch.repositoryRoot().resolve("bench").resolve("target").resolve("bench-work");
        try {
            Files.createDirectories(parent);
            Path dir = Files.createTempDirectory(parent, name + "-");
            // A worker run as root isolates its children, which must pass through here to their directories.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return new WorkDir(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        try (Stream<Path> tree = Files.walk(path)) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + path + ": " + e.getMessage());
        }
    }
}
