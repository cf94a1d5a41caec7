package io.drover.worker.spark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark installation as Spark's own launcher reads one: {@code jars/} with Spark's jars (a binary
 * distribution, or the jars of {@code spark-core} copied from Maven Central) and, optionally, {@code conf/}.
 */
final class SparkHome {

    /** {@code spark-core_2.13-4.2.0.jar}: the Scala version, then Spark's. */
    private static final Pattern CORE_JAR = Pattern.compile("spark-core_[0-9.]+-([0-9A-Za-z._-]+)\\.jar");

    private SparkHome() {
    }

    /** Spark's version under {@code home}, or empty when {@code home/jars} holds no {@code spark-core} jar. */
    static Optional<String> version(Path home) throws IOException {
        Path jars = home.resolve("jars");
        if (!Files.isDirectory(jars)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(jars)) {
            return files.map(f -> CORE_JAR.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> m.group(1))
                    .findFirst();
        }
    }

    /**
     * Spark's classpath after {@code first} (the plugin): its {@code conf/} when present, as Spark's launcher
     * puts it first so {@code log4j2.properties} and {@code spark-defaults.conf} are found, then every jar.
     */
    static String classpath(Path home, String first) {
        StringBuilder classpath = new StringBuilder(first);
        Path conf = home.resolve("conf");
        if (Files.isDirectory(conf)) {
            classpath.append(File.pathSeparator).append(conf).append(File.separator);
        }
        return classpath.append(File.pathSeparator).append(home.resolve("jars")).append(File.separator).append('*')
                .toString();
    }
}
