package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.ExecutorState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14: a worker offers GPUs found by Spark's discovery script (fake addresses here), the master assigns
 * each executor its own, and the child sees them both as {@code DROVER_RESOURCE_GPU} and in Spark's resources
 * file; work asking for more GPUs than are free waits with a reason naming the GPU.
 */
class CustomResourcesOnAClusterTest {

    private static final Duration LONG = Duration.ofSeconds(60);
    /** Writes what the executor sees into its own run directory, then waits until killed. */
    private static final CommandSpec REPORTS_ITS_GPUS = CommandSpec.executable("/bin/sh", List.of("-c",
            "echo \"$DROVER_RESOURCE_GPU\" > seen-variable; cat \"$DROVER_RESOURCES_FILE\" > seen-file; exec sleep 600"));

    @TempDir
    Path tmp;
    private TestCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        NoProcessesLeft.assertNoneLeft();
    }

    private Path discoveryScript(String output) throws IOException {
        Path script = tmp.resolve("find-gpus");
        Files.writeString(script, "#!/bin/sh\necho '" + output + "'\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void twoExecutorsAskingOneGpuEachGetDifferentAddressesInBothFormsAndAThirdWaitsNamingTheGpu() throws Exception {
        cluster = TestCluster.start(tmp);
        Path script = discoveryScript("{\"name\":\"gpu\",\"addresses\":[\"gpu-7\",\"gpu-9\"]}");
        String workerId = cluster.addWorker(4, 4096, "--drover.worker.resources.gpu.discovery-script=" + script);
        assertThat(cluster.client.worker(workerId).resources()).isEqualTo(Map.of("gpu", List.of("gpu-7", "gpu-9")));

        String appId = cluster.client.registerApplication(new RegisterApplicationRequest("gpus", REPORTS_ITS_GPUS,
                null, 1, 64L, 3, null, null, null, null, null, Map.of("gpu", 1)));

        List<ExecutorView> running = await().atMost(LONG).until(() -> cluster.client.application(appId).executors()
                .stream().filter(e -> e.state() == ExecutorState.RUNNING).toList(), list -> list.size() == 2);
        List<String> assigned = running.stream().map(e -> e.resourceAddresses().get("gpu"))
                .flatMap(List::stream).toList();
        assertThat(assigned).containsExactlyInAnyOrder("gpu-7", "gpu-9");

        for (ExecutorView executor : running) {
            String address = executor.resourceAddresses().get("gpu").get(0);
            Path dir = cluster.workDir(1).resolve(appId).resolve(Integer.toString(executor.executorId()));
            String variable = await().atMost(LONG).until(() -> read(dir.resolve("seen-variable")), s -> s != null);
            String file = await().atMost(LONG).until(() -> read(dir.resolve("seen-file")), s -> s != null);
            assertThat(variable.strip()).isEqualTo(address);
            assertThat(JsonMapper.builder().build().readTree(file).toString())
                    .as("Spark's resources file format").isEqualTo("[{\"name\":\"gpu\",\"addresses\":[\"" + address
                            + "\"]}]");
        }

        ApplicationView waiting = await().atMost(LONG).until(() -> cluster.client.application(appId),
                app -> app.waitingReason() != null);
        assertThat(waiting.waitingReason()).contains("gpu");
        assertThat(waiting.executors()).filteredOn(e -> !e.state().isTerminal()).hasSize(2);
    }

    @Test
    void aWorkerWhoseDiscoveryScriptPrintsNoJsonRefusesToStartNamingTheKey() throws Exception {
        cluster = TestCluster.start(tmp);
        Path script = discoveryScript("two gpus");

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> cluster.startWorker(1, 512,
                "--drover.worker.resources.gpu.discovery-script=" + script)))
                .rootCause().hasMessageContaining("drover.worker.resources.gpu.discovery-script");
    }

    private static String read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.isBlank() ? null : text;
        } catch (IOException e) {
            return null;
        }
    }
}
