package io.drover.worker.spark;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the Drover plugin for Spark is: the configured jar or classpath, else the jar the worker's build
 * bundles as a resource, copied out once to a directory of its own. Children may run under other uids
 * (process isolation), so that directory and the jar are readable by everyone, like Spark's jars must be.
 */
final class SparkPluginJar {

    /** Where the build puts the plugin jar among the worker's resources. */
    static final String BUNDLED = "/io/drover/worker/spark/drover-spark-plugin.jar";

    private SparkPluginJar() {
    }

    /**
     * @return the plugin's classpath, or empty when it is neither configured nor bundled
     * @throws IllegalStateException when a configured entry does not exist: a typo should stop the worker,
     *     not quietly take Spark away
     */
    static Optional<String> locate(String configured) throws IOException {
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
            Path dir = Files.createTempDirectory("drover-spark-plugin-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Path jar = dir.resolve("drover-spark-plugin.jar");
            Files.copy(bundled, jar, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
            jar.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return Optional.of(jar.toString());
        }
    }
}
