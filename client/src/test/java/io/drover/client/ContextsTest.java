package io.drover.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextsTest {

    @Test
    void readsADriversEnvironment() {
        DriverContext context = new DriverContext(Map.of(
                "DROVER_DRIVER_ID", "driver-20240101120000-0001",
                "DROVER_MASTER_URL", "http://127.0.0.1:8080",
                "DROVER_APP_RESOURCE", "/work/driver-20240101120000-0001/examples.jar",
                "DROVER_HOSTNAME", "node-7",
                "DROVER_CORES", "2",
                "DROVER_MEMORY_MB", "512",
                "DROVER_WORKER_URL", "http://node-7:8081"));

        assertThat(context.driverId()).contains("driver-20240101120000-0001");
        assertThat(context.masterUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(context.client().masterUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(context.appResource()).contains(Path.of("/work/driver-20240101120000-0001/examples.jar"));
        assertThat(context.hostname()).contains("node-7");
        assertThat(context.cores()).hasValue(2);
        assertThat(context.memoryMb()).hasValue(512);
        assertThat(context.workerUrl()).contains(URI.create("http://node-7:8081"));
    }

    @Test
    void everyMasterOfTheClusterComesFromDroverMasterUrlsBeforeDroverMasterUrl() {
        Map<String, String> env = Map.of(
                "DROVER_MASTER_URLS", "http://m1:8080, http://m2:8080",
                "DROVER_MASTER_URL", "http://m2:8080",
                "DROVER_APP_ID", "app-20240101120000-0001",
                "DROVER_EXECUTOR_ID", "0");

        DriverContext driver = new DriverContext(env);
        ExecutorContext executor = new ExecutorContext(env);

        List<URI> both = List.of(URI.create("http://m1:8080"), URI.create("http://m2:8080"));
        assertThat(driver.masterUrls()).isEqualTo(both);
        assertThat(driver.client().masterUrls()).isEqualTo(both);
        assertThat(executor.masterUrls()).isEqualTo(both);
        assertThat(executor.masterUrl()).contains(URI.create("http://m1:8080"));
    }

    @Test
    void aDriverWithoutAnyMasterVariableIsToldWhichIsMissing() {
        assertThatThrownBy(() -> new DriverContext(Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DROVER_MASTER_URL is not set");
    }

    @Test
    void aDriverNeedsOnlyTheMasterUrl() {
        DriverContext context = new DriverContext(Map.of("DROVER_MASTER_URL", "http://m:8080", "DROVER_HOSTNAME", " "));

        assertThat(context.driverId()).isEmpty();
        assertThat(context.hostname()).as("blank is unset").isEmpty();
        assertThat(context.cores()).isEmpty();
        assertThat(context.workerUrl()).isEmpty();
        assertThatThrownBy(() -> new DriverContext(Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("DROVER_MASTER_URL is not set: is this program running as a Drover driver?");
        assertThatThrownBy(() -> new DriverContext(Map.of("DROVER_MASTER_URL", "localhost:8080")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DROVER_MASTER_URL must be an http: or https: URL");
    }

    @Test
    void readsAnExecutorsEnvironment() {
        Map<String, String> env = new HashMap<>(Map.of(
                "DROVER_APP_ID", "app-20240101120000-0001",
                "DROVER_EXECUTOR_ID", "3",
                "DROVER_CORES", "1",
                "DROVER_MEMORY_MB", "256",
                "DROVER_DRIVER_URL", "http://127.0.0.1:40123",
                "DROVER_WORKER_URL", "http://127.0.0.1:8082",
                "DROVER_HOSTNAME", "127.0.0.1",
                "DROVER_APP_RESOURCE", "/w/app-20240101120000-0001/3/examples.jar",
                "DROVER_LOCAL_DIRS", "/tmp/a,/tmp/b:/tmp/c,,",
                "DROVER_MASTER_URL", "http://127.0.0.1:8080"));
        env.put("PATH", "/usr/bin");

        ExecutorContext context = new ExecutorContext(env);

        assertThat(context.appId()).isEqualTo("app-20240101120000-0001");
        assertThat(context.executorId()).isEqualTo(3);
        assertThat(context.cores()).hasValue(1);
        assertThat(context.memoryMb()).hasValue(256);
        assertThat(context.driverUrl()).contains(URI.create("http://127.0.0.1:40123"));
        assertThat(context.workerUrl()).contains(URI.create("http://127.0.0.1:8082"));
        assertThat(context.hostname()).contains("127.0.0.1");
        assertThat(context.appResource()).contains(Path.of("/w/app-20240101120000-0001/3/examples.jar"));
        assertThat(context.localDirs()).containsExactly(Path.of("/tmp/a"), Path.of("/tmp/b"), Path.of("/tmp/c"));
        assertThat(context.masterUrl()).contains(URI.create("http://127.0.0.1:8080"));
    }

    @Test
    void anExecutorNeedsItsApplicationAndNumber() {
        ExecutorContext minimal = new ExecutorContext(Map.of("DROVER_APP_ID", "app-1", "DROVER_EXECUTOR_ID", "0"));

        assertThat(minimal.executorId()).isZero();
        assertThat(minimal.driverUrl()).isEmpty();
        assertThat(minimal.localDirs()).isEmpty();
        assertThatThrownBy(() -> new ExecutorContext(Map.of("DROVER_APP_ID", "app-1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("DROVER_EXECUTOR_ID is not set: is this program running as a Drover executor?");
        assertThatThrownBy(() -> new ExecutorContext(Map.of("DROVER_APP_ID", "app-1", "DROVER_EXECUTOR_ID", "-1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("DROVER_EXECUTOR_ID must be a number of 0 or more, not '-1'");
        assertThatThrownBy(() -> new ExecutorContext(Map.of("DROVER_APP_ID", "a", "DROVER_EXECUTOR_ID", "1",
                "DROVER_CORES", "two")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("DROVER_CORES must be a positive number, not 'two'");
    }
}
