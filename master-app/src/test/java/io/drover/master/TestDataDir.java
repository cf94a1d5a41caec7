package io.drover.master;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A data directory of its own for each master a test starts: the default recovery mode (LOCAL) keeps its
 * state there, and two masters must never share one. Deleted when the test JVM ends.
 */
public final class TestDataDir {

    private static final List<Path> MADE = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> MADE.forEach(TestDataDir::delete)));
    }

    /** A new, empty directory. */
    public static Path create() {
        try {
            Path dir = Files.createTempDirectory("drover-master-test-");
            MADE.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code --drover.master.data-dir=<a new directory>}. */
    public static String argument() {
        return "--drover.master.data-dir=" + create();
    }

    public static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // already gone
        }
    }

    private TestDataDir() {
    }
}
