package io.drover.master.scheduling.placement;

import static io.drover.master.scheduling.placement.TestingPlacement.GB;
import static io.drover.master.scheduling.placement.TestingPlacement.UNLIMITED;
import static io.drover.master.scheduling.placement.TestingPlacement.cluster;
import static io.drover.master.scheduling.placement.TestingPlacement.worker;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.protocol.resources.Resources;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The feasibility filters, and the reasons they give for what waits. */
class WaitingReasonsTest {

    @Test
    void drainingAndUnhealthyWorkersTakeNoNewWorkAndTheReasonSaysSo() {
        Placement placement = cluster().with(worker("w1", 8, 8 * GB).drainingNow(),
                        worker("w2", 8, 8 * GB).unhealthy("work directory /w is read-only"))
                .driver("d1", 1, GB).app("a", 1, GB, 1).place();

        assertThat(placement.drivers()).isEmpty();
        assertThat(placement.executors()).isEmpty();
        assertThat(placement.driverReasons()).containsEntry("d1",
                "no alive worker takes new work: 1 worker draining, 1 worker unhealthy");
        assertThat(placement.appReasons()).containsEntry("a",
                "no alive worker takes new work: 1 worker draining, 1 worker unhealthy");
    }

    @Test
    void workersLeftOutAreNamedBesideTheResourcesTheOthersLack() {
        Placement placement = cluster().with(worker("w1", 64, 64 * GB).drainingNow(), worker("w2", 2, 2 * GB))
                .driver("d1", 4, 8 * GB).place();

        assertThat(placement.driverReasons()).containsEntry("d1", "no alive worker has 4 free cores and 8 GiB "
                + "(the most any has free: 2 cores, 2 GiB); left out: 1 worker draining");
    }

    @Test
    void coresOnOneWorkerAndMemoryOnAnotherAreNotRoomAtOnce() {
        Placement placement = cluster().with(worker("cores", 8, GB), worker("memory", 1, 16 * GB))
                .driver("d1", 4, 8 * GB).place();

        assertThat(placement.driverReasons()).containsEntry("d1", "no alive worker has 4 free cores and 8 GiB at once");
    }

    @Test
    void memoryBelowAGibibyteIsSaidInMebibytes() {
        Placement placement = cluster().with(worker("w1", 8, 256)).driver("d1", 1, 512).place();

        assertThat(placement.driverReasons().get("d1"))
                .isEqualTo("no alive worker has 1 free core and 512 MiB (the most any has free: 256 MiB)");
    }

    @Test
    void aRequiredAttributeNoWorkerHasIsNamed() {
        Placement placement = cluster().with(worker("w1", 8, 8 * GB))
                .driver(new DriverAsk("d1", "default", 0, 0, Resources.of(1, GB), Map.of(),
                        Map.of("spark.version", ""))).place();

        assertThat(placement.driverReasons()).containsEntry("d1", "no alive worker has attribute spark.version");
    }

    @Test
    void aRequiredAttributeSendsTheAskOnlyToWorkersThatHaveIt() {
        Placement placement = cluster().with(worker("plain", 64, 64 * GB),
                        worker("spark", 4, 8 * GB).withAttributes(Map.of("spark.version", "4.0.1")))
                .driver(new DriverAsk("d1", "default", 0, 0, Resources.of(1, GB), Map.of(),
                        Map.of("spark.version", "4.0.1"))).place();

        assertThat(placement.drivers()).singleElement().extracting(DriverDecision::workerId).isEqualTo("spark");
    }

    @Test
    void anApplicationWithAnExecutorOnEveryWorkerWithRoomSaysSo() {
        Placement placement = cluster().with(worker("w1", 8, 8 * GB), worker("w2", 8, 8 * GB))
                .app(AppAsk.of("a", 0, null, GB, UNLIMITED, UNLIMITED, Set.of("w1", "w2"))).place();

        assertThat(placement.appReasons().get("a")).startsWith("every alive worker with room for one more executor "
                + "already runs one of its executors");
    }

    @Test
    void anApplicationThatGotExecutorsThisRoundHasNoReasonEvenIfItWantsMore() {
        Placement placement = cluster().with(worker("w1", 2, 8 * GB)).app("a", 1, GB, UNLIMITED).place();

        assertThat(placement.executors()).hasSize(2);
        assertThat(placement.appReasons()).isEmpty();
    }

    @Test
    void theSameShapeIsExplainedTheSameWayForEveryAsk() {
        TestingPlacement cluster = cluster().with(worker("w1", 1, GB));
        for (int i = 0; i < 5; i++) {
            cluster.app("a" + i, 2, GB, 2);
        }

        assertThat(cluster.place().appReasons()).hasSize(5).allSatisfy((app, reason) -> assertThat(reason)
                .isEqualTo("no alive worker has 2 free cores and 1 GiB (the most any has free: 1 core)"));
    }
}
