package io.drover.master.scheduling.placement;

import static io.drover.master.scheduling.placement.TestingPlacement.GB;
import static io.drover.master.scheduling.placement.TestingPlacement.UNLIMITED;
import static io.drover.master.scheduling.placement.TestingPlacement.cluster;
import static io.drover.master.scheduling.placement.TestingPlacement.worker;
import static io.drover.master.scheduling.placement.TestingPlacement.workers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Queues, priorities and weighted fair share (issue 14): who goes next, and what a queue may hold. */
class QueuesPlacementTest {

    private static Map<String, Integer> coresByApp(Placement placement) {
        Map<String, Integer> cores = new HashMap<>();
        placement.executors().forEach(e -> cores.merge(e.appId(), e.cores(), Integer::sum));
        return cores;
    }

    @Test
    void twoQueuesWeightedThreeToOneShareTheCoresThreeToOneAndStayWithinOneExecutorOfItAllAlong() {
        TestingPlacement cluster = cluster().with(workers(10, 4, 64 * GB)).queue("etl", 3, null, 0)
                .queue("adhoc", 1, null, 0);
        IntStream.range(0, 100).forEach(i -> cluster.app("etl-" + i, "etl", 0, 1, 1).app("adhoc-" + i, "adhoc", 0, 1, 1));

        Placement placement = cluster.place();

        int etl = 0;
        int adhoc = 0;
        for (ExecutorDecision e : placement.executors()) {
            if (e.appId().startsWith("etl")) {
                etl += e.cores();
            } else {
                adhoc += e.cores();
            }
            assertThat(Math.abs(etl - 3 * adhoc)).as("etl %d, adhoc %d", etl, adhoc).isLessThanOrEqualTo(3);
        }
        assertThat(etl).isEqualTo(30);
        assertThat(adhoc).isEqualTo(10);
        assertThat(placement.appReasons()).hasSize(160).allSatisfy((app, reason) ->
                assertThat(reason).startsWith("no alive worker has 1 free core and 1 GiB"));
    }

    @Test
    void coresAlreadyHeldCountTowardsAQueuesShare() {
        TestingPlacement cluster = cluster().with(workers(2, 4, 64 * GB)).queue("etl", 1, null, 8)
                .queue("adhoc", 1, null, 0);
        IntStream.range(0, 10).forEach(i -> cluster.app("etl-" + i, "etl", 0, 1, 1).app("adhoc-" + i, "adhoc", 0, 1, 1));

        // etl already holds 8 cores elsewhere: adhoc is furthest below its share and gets all 8 free ones.
        assertThat(cluster.place().executors()).extracting(ExecutorDecision::appId).allMatch(a -> a.startsWith("adhoc"))
                .hasSize(8);
    }

    @Test
    void aBigApplicationIsServedUpToItsQueuesShareWhileAnotherQueueWaits() {
        Placement placement = cluster().with(workers(4, 4, 64 * GB)).queue("a", 1, null, 0).queue("b", 1, null, 0)
                .app("big-a", "a", 0, 2, UNLIMITED).app("big-b", "b", 0, 2, UNLIMITED).place();

        assertThat(coresByApp(placement)).containsEntry("big-a", 8).containsEntry("big-b", 8);
    }

    @Test
    void aQueueWhoseWorkCannotBePlacedLeavesItsShareToTheOthers() {
        Placement placement = cluster().with(workers(2, 4, 64 * GB)).queue("a", 1, null, 0).queue("b", 3, null, 0)
                .app("small-a", "a", 0, 1, UNLIMITED).app("huge-b", "b", 0, 16, UNLIMITED).place();

        assertThat(coresByApp(placement)).containsOnly(Map.entry("small-a", 8));
        assertThat(placement.appReasons()).containsOnlyKeys("huge-b");
    }

    @Test
    void aQueueAtItsCoreLimitWaitsWithThatReasonWhileItsSmallerWorkStillFits() {
        Placement placement = cluster().with(workers(2, 8, 64 * GB)).queue("etl", 1, 4, 3)
                .app("needs-two", "etl", 0, 2, 2).app("needs-one", "etl", 0, 1, 1).place();

        assertThat(coresByApp(placement)).containsOnly(Map.entry("needs-one", 1));
        assertThat(placement.appReasons()).containsOnly(Map.entry("needs-two",
                "queue 'etl' is at its 4-core limit (it holds 3 cores; one more executor needs 2)"));
    }

    @Test
    void aQueueLimitCutsAnApplicationsGrantToWhatFits() {
        Placement placement = cluster().with(workers(2, 8, 64 * GB)).queue("etl", 1, 6, 0)
                .app("wide", "etl", 0, 2, UNLIMITED).place();

        assertThat(coresByApp(placement)).containsOnly(Map.entry("wide", 6));
    }

    @Test
    void driversCountAgainstTheirQueuesLimitAndWaitWithItsReason() {
        Placement placement = cluster().with(worker("w1", 16, 64 * GB)).queue("etl", 1, 3, 0)
                .driver("d1", "etl", 0, 2, GB, Map.of()).driver("d2", "etl", 0, 2, GB, Map.of())
                .app("app", "etl", 0, 1, 1).place();

        assertThat(placement.drivers()).extracting(DriverDecision::driverId).containsExactly("d1");
        assertThat(placement.driverReasons()).containsOnly(Map.entry("d2",
                "queue 'etl' is at its 3-core limit (it holds 2 cores; this driver needs 2)"));
        assertThat(coresByApp(placement)).containsOnly(Map.entry("app", 1));
    }

    @Test
    void insideAQueueHigherPriorityGoesFirstThenTheOlder() {
        Placement placement = cluster().with(worker("w1", 2, 64 * GB))
                .app("old-low", "default", 0, 1, 1).app("new-high", "default", 5, 1, 1)
                .app("newer-high", "default", 5, 1, 1).place();

        assertThat(placement.executors()).extracting(ExecutorDecision::appId).containsExactly("new-high", "newer-high");
        assertThat(placement.appReasons()).containsOnlyKeys("old-low");
    }

    @Test
    void driversOfAQueueGoInPriorityOrderToo() {
        Placement placement = cluster().with(worker("w1", 1, 64 * GB))
                .driver("low", "default", -1, 1, GB, Map.of()).driver("high", "default", 3, 1, GB, Map.of()).place();

        assertThat(placement.drivers()).extracting(DriverDecision::driverId).containsExactly("high");
    }

    @Test
    void workOfAQueueNoLongerConfiguredIsStillPlaced() {
        Placement placement = cluster().with(worker("w1", 2, 64 * GB)).app("orphan", "gone", 0, 1, 1).place();

        assertThat(coresByApp(placement)).containsOnly(Map.entry("orphan", 1));
    }

    @Test
    void withOneQueueARoundIsSparksFirstInFirstOut() {
        List<AppAsk> apps = List.of(AppAsk.of("first", 0, 2, GB, UNLIMITED, UNLIMITED, Set.of()),
                AppAsk.of("second", 1, 2, GB, UNLIMITED, UNLIMITED, Set.of()));
        TestingPlacement cluster = cluster().with(workers(2, 4, 64 * GB));
        apps.forEach(cluster::app);

        assertThat(coresByApp(cluster.place())).containsOnly(Map.entry("first", 8));
    }

    @Test
    void fairSharesSplitTheClusterAmongQueuesWithWorkByWeight() {
        assertThat(FairShare.of(Map.of("etl", 3, "adhoc", 1), 40)).containsEntry("etl", 30.0).containsEntry("adhoc", 10.0);
        assertThat(FairShare.of(Map.of(), 40)).isEmpty();
    }
}
