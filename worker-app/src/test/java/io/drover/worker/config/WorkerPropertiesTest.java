package io.drover.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WorkerPropertiesTest {

    private static WorkerProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("drover.worker", WorkerProperties.class);
    }

    @Test
    void defaultsMatchTheDesign() {
        WorkerProperties properties = bind(Map.of());

        assertThat(properties.masterUrls()).containsExactly(URI.create("http://127.0.0.1:8080"));
        assertThat(properties.publicUrl()).isNull();
        assertThat(properties.cores()).isNull();
        assertThat(properties.memoryMb()).isNull();
        assertThat(properties.absoluteWorkDir()).isEqualTo(Path.of("work").toAbsolutePath());
        assertThat(properties.killGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.retainedDrivers()).isEqualTo(1000);
        assertThat(properties.retainedExecutors()).isEqualTo(1000);
        assertThat(properties.registrationRetryMax()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void masterUrlsAreCommaSeparated() {
        WorkerProperties properties = bind(Map.of("drover.worker.master-urls", "http://a:8080,http://b:8080"));

        assertThat(properties.masterUrls()).containsExactly(URI.create("http://a:8080"), URI.create("http://b:8080"));
    }

    @Test
    void durationsTakeUnits() {
        assertThat(bind(Map.of("drover.worker.kill-grace", "500ms")).killGrace()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void unsetCoresMeanEveryProcessor() {
        assertThat(bind(Map.of()).offeredCores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(bind(Map.of("drover.worker.cores", "3")).offeredCores()).isEqualTo(3);
    }

    @Test
    void unsetMemoryIsPhysicalMemoryLessOneGibibyteButAtLeastHalfOne() {
        assertThat(WorkerProperties.defaultMemoryMb(8192)).isEqualTo(7168);
        assertThat(WorkerProperties.defaultMemoryMb(1200)).isEqualTo(512);
        assertThat(bind(Map.of()).offeredMemoryMb()).isGreaterThanOrEqualTo(512);
        assertThat(bind(Map.of("drover.worker.memory-mb", "2048")).offeredMemoryMb()).isEqualTo(2048);
    }

    @Test
    void aWildcardBindAddressIsAdvertisedAsTheHostName() {
        assertThat(AdvertisedHost.fromBindAddress("0.0.0.0").host()).isNotEqualTo("0.0.0.0");
        assertThat(AdvertisedHost.fromBindAddress("127.0.0.1").urlFor(8081)).isEqualTo("http://127.0.0.1:8081");
        assertThat(AdvertisedHost.fromBindAddress("::1").urlFor(8081)).isEqualTo("http://[::1]:8081");
    }
}
