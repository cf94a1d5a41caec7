package io.drover.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.protocol.api.RegisterApplicationRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutorRequestsTest {

    private static final String DRIVER = "spark://CoarseGrainedScheduler@10.0.0.7:40000";

    private static RegisterApplicationRequest build(Map<String, String> conf, int memoryMb) {
        return ExecutorRequests.build("etl", conf, DRIVER, memoryMb, List.of("--add-opens=x", "-Dspark.driver.port=40000"),
                Map.of("SPARK_USER", "alice"), "driver-20261205103000-0001", "http://10.0.0.7:4040");
    }

    @Test
    void executorsRunSparksBackendWithTheWorkersSparkAndTheirHeap() {
        RegisterApplicationRequest request = build(Map.of("spark.executor.extraClassPath", "/opt/lib/a.jar:/opt/lib/b.jar"),
                2048);

        assertThat(request.executorCommand().mainClass()).isEqualTo(ExecutorRequests.EXECUTOR_BACKEND);
        assertThat(request.executorCommand().needsSpark()).isTrue();
        assertThat(request.executorCommand().classpath())
                .containsExactly("{{SPARK_CLASSPATH}}", "/opt/lib/a.jar", "/opt/lib/b.jar");
        assertThat(request.executorCommand().javaOptions())
                .containsExactly("-Xmx2048m", "--add-opens=x", "-Dspark.driver.port=40000");
        assertThat(request.executorCommand().arguments()).containsExactly("--driver-url", DRIVER,
                "--executor-id", "{{EXECUTOR_ID}}", "--hostname", "{{HOSTNAME}}", "--cores", "{{CORES}}",
                "--app-id", "{{APP_ID}}", "--resourceProfileId", "0");
        assertThat(request.executorCommand().environment()).containsEntry("SPARK_USER", "alice");
        assertThat(request.driverId()).isEqualTo("driver-20261205103000-0001");
        assertThat(request.webUiUrl()).isEqualTo("http://10.0.0.7:4040");
    }

    @Test
    void sizesComeFromSparksSettings() {
        RegisterApplicationRequest request = build(Map.of("spark.executor.cores", "2", "spark.cores.max", "8",
                "spark.executor.instances", "3"), 4096);

        assertThat(request.coresPerExecutor()).isEqualTo(2);
        assertThat(request.maxCores()).isEqualTo(8);
        assertThat(request.executorLimit()).isEqualTo(3);
        assertThat(request.memoryPerExecutorMb()).as("heap plus 10%% overhead").isEqualTo(4096 + 409);
    }

    @Test
    void unsetSizesAreLeftToDroverAsSparkStandaloneLeavesThem() {
        RegisterApplicationRequest request = build(Map.of(), 512);

        assertThat(request.coresPerExecutor()).isNull();
        assertThat(request.maxCores()).isNull();
        assertThat(request.executorLimit()).isNull();
        assertThat(request.memoryPerExecutorMb()).as("at least 384 MB of overhead").isEqualTo(512 + 384);
    }

    @Test
    void overheadFollowsSparksSettings() {
        assertThat(ExecutorRequests.overheadMb(Map.of("spark.executor.memoryOverhead", "1g"), 512)).isEqualTo(1024);
        assertThat(ExecutorRequests.overheadMb(Map.of("spark.executor.memoryOverheadFactor", "0.5"), 2048))
                .isEqualTo(1024);
        assertThat(ExecutorRequests.overheadMb(Map.of("spark.executor.minMemoryOverhead", "100m"), 512)).isEqualTo(100);
    }

    @Test
    void withDynamicAllocationTheApplicationStartsWithNoExecutors() {
        assertThat(build(Map.of("spark.dynamicAllocation.enabled", "true", "spark.executor.instances", "4"), 512)
                .executorLimit()).isZero();
    }

    @Test
    void aSizeThatIsNotAWholeNumberIsNamed() {
        assertThatThrownBy(() -> build(Map.of("spark.cores.max", "lots"), 512))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spark.cores.max");
    }
}
