package io.drover.master.scheduling.placement;

import static io.drover.master.scheduling.placement.TestingPlacement.GB;
import static io.drover.master.scheduling.placement.TestingPlacement.cluster;
import static io.drover.master.scheduling.placement.TestingPlacement.layout;
import static io.drover.master.scheduling.placement.TestingPlacement.worker;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spark 4's {@code spark.deploy.workerSelectionPolicy}: the order workers are offered executors in, ties by worker
 * id (smaller first when ascending, larger first when descending, as Spark's reversed sort gives them).
 */
class WorkerSelectionPolicyTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            CORES_FREE_DESC  | w-a:2, w-c:2, w-d:2, w-b:2
            CORES_FREE_ASC   | w-b:2, w-d:2, w-c:2, w-a:2
            MEMORY_FREE_DESC | w-b:2, w-c:2, w-d:2, w-a:2
            MEMORY_FREE_ASC  | w-a:2, w-d:2, w-c:2, w-b:2
            WORKER_ID        | w-a:2, w-b:2, w-c:2, w-d:2
            """)
    void eachPolicyOffersTheWorkersInItsOrder(WorkerSelectionPolicy policy, String expected) {
        // Registered out of every order: cores 8, 4, 6, 4 and memory 4, 16, 8, 4 GiB.
        Placement placed = cluster().rules(PlacementRules.sparkDefaults(0).withPolicy(policy))
                .with(worker("w-c", 6, 8 * GB), worker("w-d", 4, 4 * GB), worker("w-a", 8, 4 * GB),
                        worker("w-b", 4, 16 * GB))
                .app("a", 2, GB, 8).place();

        assertThat(layout(placed)).containsExactly(expected.split(",\\s*"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            CORES_FREE_DESC  | w-a:4
            CORES_FREE_ASC   | w-b:4
            MEMORY_FREE_DESC | w-b:4
            MEMORY_FREE_ASC  | w-a:4
            WORKER_ID        | w-a:4
            """)
    void anAscendingPolicySkipsTheWorkersBelowTheNeedAndPacks(WorkerSelectionPolicy policy, String expected) {
        // w-x has too few cores for one executor, w-y too little memory: no policy offers them anything.
        Placement placed = cluster().rules(PlacementRules.sparkDefaults(0).withPolicy(policy).withSpreadOutApps(false))
                .with(worker("w-x", 2, 64 * GB), worker("w-y", 32, GB), worker("w-a", 16, 4 * GB),
                        worker("w-b", 8, 8 * GB))
                .app("a", 4, 2 * GB, 4).place();

        assertThat(layout(placed)).containsExactly(expected);
    }
}
