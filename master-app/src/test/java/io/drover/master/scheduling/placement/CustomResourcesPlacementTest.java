package io.drover.master.scheduling.placement;

import static io.drover.master.scheduling.placement.TestingPlacement.GB;
import static io.drover.master.scheduling.placement.TestingPlacement.UNLIMITED;
import static io.drover.master.scheduling.placement.TestingPlacement.cluster;
import static io.drover.master.scheduling.placement.TestingPlacement.worker;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GPUs and anything else countable with addresses: assigned concretely, never one address to two children. */
class CustomResourcesPlacementTest {

    private static final WorkerOffer TWO_GPUS = worker("gpu-box", 16, 64 * GB)
            .withAddresses(Map.of("gpu", List.of("0", "1")));

    private static AppAsk gpuApp(String id, long seq, int gpusPerExecutor, int executors) {
        return new AppAsk(id, "default", 0, seq, 1, GB, Map.of("gpu", gpusPerExecutor), executors, executors,
                Set.of(), Map.of());
    }

    @Test
    void twoExecutorsOfOneGpuEachGetDifferentAddressesAndAThirdWaitsNamingTheGpu() {
        Placement placement = cluster().with(TWO_GPUS).app(gpuApp("a", 0, 1, 3)).place();

        assertThat(placement.executors()).extracting(ExecutorDecision::resourceAddresses)
                .containsExactly(Map.of("gpu", List.of("0")), Map.of("gpu", List.of("1")));
        assertThat(placement.appReasons()).isEmpty(); // it got executors this round
        Placement next = cluster().with(TWO_GPUS.withAddresses(Map.of("gpu", List.of()))).app(gpuApp("a", 0, 1, 1))
                .place();
        assertThat(next.appReasons()).containsEntry("a",
                "no alive worker has 1 free core, 1 GiB and 1 free gpu (the most any has free: 0 gpu)");
    }

    @Test
    void aSecondApplicationGetsNoAddressTheFirstHolds() {
        Placement placement = cluster().with(TWO_GPUS).app(gpuApp("first", 0, 1, 1)).app(gpuApp("second", 1, 1, 1))
                .app(gpuApp("third", 2, 1, 1)).place();

        assertThat(placement.executors()).extracting(e -> e.appId() + "=" + e.resourceAddresses().get("gpu"))
                .containsExactly("first=[0]", "second=[1]");
        assertThat(placement.appReasons().get("third")).contains("1 free gpu");
    }

    @Test
    void executorsThatNeedAGpuGoOnlyToWorkersWithOne() {
        Placement placement = cluster().with(worker("big-cpu", 64, 256 * GB), TWO_GPUS)
                .app(gpuApp("a", 0, 2, UNLIMITED)).place();

        assertThat(placement.executors()).singleElement().satisfies(e -> {
            assertThat(e.workerId()).isEqualTo("gpu-box");
            assertThat(e.resourceAddresses()).containsEntry("gpu", List.of("0", "1"));
        });
    }

    @Test
    void aDriverGetsItsAddressesAndTheExecutorsAfterItTheRest() {
        Placement placement = cluster().with(TWO_GPUS).driver("d1", "default", 0, 1, GB, Map.of("gpu", 1))
                .app(gpuApp("a", 1, 1, 2)).place();

        assertThat(placement.drivers()).singleElement()
                .satisfies(d -> assertThat(d.resourceAddresses()).containsEntry("gpu", List.of("0")));
        assertThat(placement.executors()).singleElement()
                .satisfies(e -> assertThat(e.resourceAddresses()).containsEntry("gpu", List.of("1")));
    }

    @Test
    void aResourceNoWorkerOffersIsNamedInTheReason() {
        Placement placement = cluster().with(worker("w1", 8, 8 * GB))
                .app(new AppAsk("a", "default", 0, 0, 2, GB, Map.of("fpga", 1), 2, 1, Set.of(), Map.of())).place();

        assertThat(placement.appReasons()).containsEntry("a", "no alive worker offers fpga");
    }
}
