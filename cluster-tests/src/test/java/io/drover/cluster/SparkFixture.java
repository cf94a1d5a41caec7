package io.drover.cluster;

import static org.awaitility.Awaitility.await;

import io.drover.master.spark.SparkJavaOptions;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real Spark for the Spark tests: Spark 4.2's jars from Maven Central (the {@code spark-home} module lays them
 * out as a {@code SPARK_HOME}), the Drover plugin's jar, and Spark JVMs started as Spark's launcher starts them.
 */
final class SparkFixture {

    private SparkFixture() {
    }

    static Path sparkHome() {
        Path home = Path.of(System.getProperty("drover.test.spark-home", "../spark-home/target/spark-home"))
                .toAbsolutePath().normalize();
        if (!Files.isDirectory(home.resolve("jars"))) {
            throw new IllegalStateException(home + "/jars is missing; run ./mvnw -pl spark-home package");
        }
        return home;
    }

    /** The plugin's jar, as a worker ships it to Spark drivers ({@code drover.worker.spark-plugin}). */
    static Path pluginJar() {
        URL services = SparkFixture.class.getClassLoader()
                .getResource("META-INF/services/org.apache.spark.scheduler.ExternalClusterManager");
        if (services == null) {
            throw new IllegalStateException("the spark-plugin module is not on the test classpath");
        }
        String url = services.toString();
        try {
            if (url.startsWith("jar:file:")) {
                return Path.of(new URL(url.substring(4, url.indexOf("!/"))).toURI());
            }
            // A reactor build that stopped before `package` gives spark-plugin/target/classes.
            Path classes = Path.of(services.toURI()).getParent().getParent().getParent();
            try (var jars = Files.list(classes.getParent())) {
                return jars.filter(p -> p.getFileName().toString().matches("spark-plugin-[^-]+(-SNAPSHOT)?\\.jar"))
                        .findFirst().orElseThrow(() -> new IllegalStateException(
                                "the plugin jar is not built; run ./mvnw -pl spark-plugin package"));
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a worker needs to offer this Spark. */
    static String[] workerArgs() {
        return new String[] {"--drover.worker.spark-home=" + sparkHome(), "--drover.worker.spark-plugin=" + pluginJar()};
    }

    /**
     * A Spark driver JVM started outside the cluster, as {@code java} with Spark's jars, the plugin and the
     * application on its classpath, like a user's {@code SparkSession.builder().master("drover://...")}.
     */
    static Process startDriver(Path dir, String mainClass, Map<String, String> sparkProperties, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(SparkJavaOptions.MODULE_OPTIONS);
        sparkProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, sparkHome().resolve("jars") + "/*", pluginJar().toString(),
                ExampleJar.path().toString()));
        command.add(mainClass);
        command.addAll(List.of(args));
        Files.createDirectories(dir);
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile())
                .start();
    }

    /** Waits for the driver to exit and returns its stdout; a non-zero exit fails with the end of its stderr. */
    static String awaitSuccess(Process driver, Path dir, Duration timeout) throws Exception {
        if (!driver.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            driver.destroyForcibly();
            throw new AssertionError("Spark driver still running after " + timeout + "; stderr ends:\n" + tail(dir));
        }
        if (driver.exitValue() != 0) {
            throw new AssertionError("Spark driver exited " + driver.exitValue() + "; stderr ends:\n" + tail(dir));
        }
        return Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8);
    }

    /**
     * Waits for {@code condition} on what {@code supplier} gives, failing at once, with the end of the driver's
     * stderr, if the driver exits meanwhile.
     */
    static <T> T awaitWhileRunning(Process driver, Path dir, String alias, java.util.concurrent.Callable<T> supplier,
            java.util.function.Predicate<T> condition) throws IOException {
        try {
            return await(alias).atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200))
                    .failFast("the Spark driver exited", () -> !driver.isAlive())
                    .until(supplier, condition::test);
        } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            throw new AssertionError(alias + ": " + e.getMessage() + "\nSpark driver's stderr ends:\n" + tail(dir), e);
        }
    }

    static String tail(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("stderr"), StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** Stops a driver the test started, tree and all, and waits until it is gone. */
    static void stop(Process driver) {
        if (driver != null && driver.isAlive()) {
            driver.descendants().forEach(ProcessHandle::destroyForcibly);
            driver.destroyForcibly();
            await().atMost(Duration.ofSeconds(20)).until(() -> !driver.isAlive());
        }
    }
}
