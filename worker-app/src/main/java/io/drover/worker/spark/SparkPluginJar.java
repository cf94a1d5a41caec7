package io.drover.worker.spark;

import io.drover.server.FilesInPlace;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the Drover plugin for Spark is: the configured jar or classpath, else the jar the worker's build
 * bundles as a resource, copied out at each start into {@code <workDir>/.spark-plugin/} (written aside, then
 * renamed: a run starting meanwhile never sees half a jar). It was a new directory in {@code /tmp}, deleted only
 * at a clean exit, so every killed worker left one. Children may run under other uids (process isolation), so
 * that directory and the jar are readable by everyone, like Spark's jars must be.
 */
final class SparkPluginJar {

    /** Where the build puts the plugin jar among the worker's resources. */
    static final String BUNDLED = "/io/drover/worker/spark/drover-spark-plugin.jar";

    /** The bundled jar's copy: {@code <workDir>/.spark-plugin/} (not an id, so never taken for a run). */
    static final String DIR_NAME = ".spark-plugin";
    static final String FILE_NAME = "drover-spark-plugin.jar";

    private SparkPluginJar() {
    }

    /**
     * @return the plugin's classpath, or empty when it is neither configured nor bundled
     * @throws IllegalStateException when a configured entry does not exist: a typo should stop the worker,
     *     not quietly take Spark away
     */
    static Optional<String> locate(String configured, Path workDir) throws IOException {
        if (configured != null && !configured.isBlank()) {
            Arrays.stream(configured.split(File.pathSeparator)).filter(e -> !e.isBlank()).forEach(entry -> {
                if (!Files.exists(Path.of(entry))) {
                    throw new IllegalStateException("drover.worker.spark-plugin: " + entry + " does not exist");
                }
            });
            return Optional.of(configured);
        }
        try (InputStream bundled = SparkPluginJar.class.getResourceAsStream(BUNDLED)) {
            if (bundled == null) {
                return Optional.empty();
            }
            return Optional.of(copyOut(bundled, workDir).toString());
        }
    }

    /** Writes the bundled jar to its place in {@code workDir}, aside first, and returns where it is. */
    static Path copyOut(InputStream bundled, Path workDir) throws IOException {
        Path dir = workDir.resolve(DIR_NAME);
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return FilesInPlace.replace(dir.resolve(FILE_NAME), bundled, "rw-r--r--");
    }
}
