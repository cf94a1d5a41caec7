package io.drover.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes a test's own temporary directory after it, so a run leaves nothing in {@code /tmp}. */
public final class TempTrees {

    private TempTrees() {
    }

    /** Deletes {@code root} and everything under it; null-safe, and silent about what cannot be deleted. */
    public static void deleteQuietly(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing the run for
        }
    }
}
