package io.drover.worker.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.worker.config.WorkerProperties;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkConfigurationTest {

    @TempDir
    Path dir;

    private WorkerProperties properties(Path sparkHome, String plugin) {
        return new WorkerProperties(List.of(URI.create("http://127.0.0.1:8080")), null, 1, 1024L, dir,
                Duration.ofSeconds(1), 10, 10, Duration.ofSeconds(1), List.of(), List.of(), 0, List.of(), null,
                "61184-65519", 4096, sparkHome, plugin);
    }

    private Path sparkHome(boolean withConf) throws Exception {
        Path home = Files.createDirectories(dir.resolve("spark"));
        Files.createDirectories(home.resolve("jars"));
        Files.writeString(home.resolve("jars/scala-library-2.13.17.jar"), "");
        Files.writeString(home.resolve("jars/spark-core_2.13-4.2.0.jar"), "");
        if (withConf) {
            Files.createDirectories(home.resolve("conf"));
        }
        return home;
    }

    @Test
    void aSparkHomeWithSparkCoreAndAPluginOffersThatSparkVersionAndClasspath() throws Exception {
        Path home = sparkHome(true);
        Path plugin = Files.writeString(dir.resolve("plugin.jar"), "");

        WorkerSpark spark = SparkConfiguration.find(properties(home, plugin.toString()), Map.of());

        assertThat(spark.version()).isEqualTo("4.2.0");
        assertThat(spark.classpath()).isEqualTo(String.join(File.pathSeparator, plugin.toString(),
                home.resolve("conf") + "/", home.resolve("jars") + "/*"));
    }

    @Test
    void sparkHomeFallsBackToTheSparkHomeVariable() throws Exception {
        Path home = sparkHome(false);
        Path plugin = Files.writeString(dir.resolve("plugin.jar"), "");

        WorkerSpark spark = SparkConfiguration.find(properties(null, plugin.toString()),
                Map.of("SPARK_HOME", home.toString()));

        assertThat(spark.present()).isTrue();
        assertThat(spark.classpath()).doesNotContain("conf");
    }

    @Test
    void noSparkHomeOrOneWithoutSparkCoreOffersNoSpark() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty/jars"));
        Path plugin = Files.writeString(dir.resolve("plugin.jar"), "");

        assertThat(SparkConfiguration.find(properties(null, plugin.toString()), Map.of())).isEqualTo(WorkerSpark.NONE);
        assertThat(SparkConfiguration.find(properties(empty.getParent(), plugin.toString()), Map.of()).present())
                .isFalse();
    }

    @Test
    void aConfiguredPluginThatDoesNotExistStopsTheWorker() throws Exception {
        Path home = sparkHome(false);

        assertThatThrownBy(() -> SparkConfiguration.find(properties(home, dir.resolve("nope.jar").toString()),
                Map.of())).isInstanceOf(IllegalStateException.class).hasMessageContaining("drover.worker.spark-plugin");
    }

    @Test
    void theBundledPluginIsCopiedIntoTheWorkDirectoryReadableByEveryoneNotIntoTmp() throws Exception {
        // The build bundles the real jar only at prepare-package, after the tests: these bytes stand in for it.
        byte[] bundled = "a plugin jar".getBytes(StandardCharsets.UTF_8);

        Path jar = SparkPluginJar.copyOut(new ByteArrayInputStream(bundled), dir);

        assertThat(jar).isEqualTo(dir.resolve(SparkPluginJar.DIR_NAME).resolve(SparkPluginJar.FILE_NAME));
        assertThat(Files.readAllBytes(jar)).isEqualTo(bundled);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(jar))).isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(jar.getParent())))
                .isEqualTo("rwxr-xr-x");
        try (var files = Files.list(jar.getParent())) {
            assertThat(files.toList()).containsExactly(jar); // nothing written aside is left
        }
    }
}
