package io.drover.worker.spark;

import io.drover.worker.config.WorkerProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Finds the worker's Spark once, at start. */
@Configuration(proxyBeanMethods = false)
class SparkConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SparkConfiguration.class);

    @Bean
    WorkerSpark workerSpark(WorkerProperties properties) {
        return find(properties, System.getenv());
    }

    static WorkerSpark find(WorkerProperties properties, Map<String, String> environment) {
        Path home = properties.sparkHomeOr(environment);
        if (home == null) {
            return WorkerSpark.NONE;
        }
        try {
            Optional<String> version = SparkHome.version(home);
            if (version.isEmpty()) {
                log.warn("Spark home {} has no jars/spark-core_*.jar: this worker offers no Spark", home);
                return WorkerSpark.NONE;
            }
            Optional<String> plugin = SparkPluginJar.locate(properties.sparkPlugin(), properties.absoluteWorkDir());
            if (plugin.isEmpty()) {
                log.warn("No Drover plugin for Spark (drover.worker.spark-plugin, or the jar bundled with a packaged"
                        + " worker): this worker offers no Spark");
                return WorkerSpark.NONE;
            }
            log.info("Offering Spark {} from {}", version.get(), home);
            return new WorkerSpark(version.get(), SparkHome.classpath(home, plugin.get()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Spark home " + home, e);
        }
    }
}
