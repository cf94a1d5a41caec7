package io.drover.master.scheduling.placement;

import static io.drover.master.scheduling.placement.TestingPlacement.cluster;
import static io.drover.master.scheduling.placement.TestingPlacement.worker;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Spark 4's driver placement: round-robin or first fit by id, and {@code maxDrivers}. */
class DriverPlacementTest {

    private static List<String> placedOn(Placement placement) {
        return placement.drivers().stream().map(d -> d.driverId() + "@" + d.workerId()).toList();
    }

    @Test
    void aDriverGoesToAWorkerWithRoom() {
        Placement placed = cluster().with(worker("small", 1, 4096), worker("big", 4, 4096)).driver("d1", 2, 512)
                .place();

        assertThat(placed.drivers()).containsExactly(new DriverDecision("d1", "big"));
    }

    @Test
    void aDriverThatFitsNowhereWaitsWithItsReason() {
        Placement placed = cluster().with(worker("w1", 4, 4096), worker("w2", 4, 4096)).driver("d1", 8, 8192).place();

        assertThat(placed.drivers()).isEmpty();
        assertThat(placed.driverReasons()).containsEntry("d1",
                "no alive worker has 8 free cores and 8 GiB (the most any has free: 4 cores, 4 GiB)");
    }

    @Test
    void memoryCountsAsMuchAsCores() {
        Placement placed = cluster().with(worker("w1", 8, 1024)).driver("d1", 1, 2048).place();

        assertThat(placed.drivers()).isEmpty();
        assertThat(placed.driverReasons().get("d1")).contains("(the most any has free: 1 GiB)");
    }

    @Test
    void resourcesGrantedInARoundAreNotGrantedTwice() {
        Placement placed = cluster().with(worker("w1", 4, 4096)).driver("d1", 2, 512).driver("d2", 2, 512)
                .driver("d3", 2, 512).place();

        assertThat(placed.drivers()).extracting(DriverDecision::driverId).containsExactly("d1", "d2");
        assertThat(placed.driverReasons()).containsOnlyKeys("d3");
    }

    @Test
    void driversAreSpreadRoundRobinOverWorkers() {
        TestingPlacement cluster = cluster().seed(7)
                .with(IntStream.range(0, 4).mapToObj(i -> worker("w" + i, 4, 4096)).toList());
        IntStream.range(0, 4).forEach(i -> cluster.driver("d" + i, 1, 256));

        assertThat(cluster.place().drivers()).extracting(DriverDecision::workerId).doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void aLaterSmallerDriverStillFindsRoomAfterABigOneWaits() {
        Placement placed = cluster().with(worker("w1", 4, 4096)).driver("big", 16, 512).driver("small", 1, 512)
                .place();

        assertThat(placed.drivers()).containsExactly(new DriverDecision("small", "w1"));
    }

    @Test
    void theSameSeedGivesTheSameDecisions() {
        TestingPlacement cluster = cluster().seed(99)
                .with(IntStream.range(0, 10).mapToObj(i -> worker("w" + i, 2, 4096)).toList());
        IntStream.range(0, 15).forEach(i -> cluster.driver("d" + i, 1, 256));

        assertThat(cluster.place()).isEqualTo(cluster.place());
    }

    @Test
    void noWorkersMeansNoPlacementsAndSaysSo() {
        Placement placed = cluster().driver("d1", 1, 1).place();

        assertThat(placed.drivers()).isEmpty();
        assertThat(placed.driverReasons()).containsEntry("d1", "no alive worker");
    }

    /** Without spread-out Spark sorts the alive workers by id and gives each driver the first with room. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            all fit the first worker by id       | 8,8,8  | 1,1,1 | d0@w-a,d1@w-a,d2@w-a
            the first by id fills up             | 2,8,8  | 1,1,1 | d0@w-a,d1@w-a,d2@w-b
            a big driver skips small workers     | 1,1,8  | 4,1,1 | d0@w-c,d1@w-a,d2@w-b
            """)
    void withoutSpreadOutEachDriverGoesToTheFirstWorkerByIdWithRoom(String what, String workerCores,
            String driverCores, String expected) {
        String[] cores = workerCores.split(",");
        // Registered out of id order, so the id order is the rule's, not the input's.
        TestingPlacement cluster = cluster().rules(PlacementRules.sparkDefaults(0)
                        .withDrivers(Integer.MAX_VALUE, 0, false))
                .with(worker("w-c", Integer.parseInt(cores[2]), 8192), worker("w-a", Integer.parseInt(cores[0]), 8192),
                        worker("w-b", Integer.parseInt(cores[1]), 8192));
        String[] drivers = driverCores.split(",");
        for (int i = 0; i < drivers.length; i++) {
            cluster.driver("d" + i, Integer.parseInt(drivers[i]), 256);
        }

        assertThat(placedOn(cluster.place())).containsExactly(expected.split(","));
    }

    static Stream<Arguments> maxDrivers() {
        return Stream.of(
                // max, already launched, waiting → placed, and the reason of those left waiting
                Arguments.of(Integer.MAX_VALUE, 0, 3, 3, null),
                Arguments.of(2, 0, 3, 2, "maxDrivers reached: 2 drivers launched, drover.master.max-drivers is 2"),
                Arguments.of(2, 1, 3, 1, "maxDrivers reached: 2 drivers launched, drover.master.max-drivers is 2"),
                Arguments.of(2, 2, 3, 0, "maxDrivers reached: 2 drivers launched, drover.master.max-drivers is 2"),
                Arguments.of(1, 3, 1, 0, "maxDrivers reached: 3 drivers launched, drover.master.max-drivers is 1"));
    }

    @ParameterizedTest(name = "maxDrivers={0}, launched={1}, waiting={2} → {3} placed")
    @MethodSource("maxDrivers")
    void noDriverIsPlacedWhileMaxDriversAreLaunched(int max, int launched, int waiting, int placed, String reason) {
        TestingPlacement cluster = cluster().with(worker("w1", 64, 65536))
                .rules(PlacementRules.sparkDefaults(0).withDrivers(max, launched, true));
        IntStream.range(0, waiting).forEach(i -> cluster.driver("d" + i, 1, 256));

        Placement placement = cluster.place();

        assertThat(placement.drivers()).hasSize(placed);
        assertThat(placement.driverReasons()).hasSize(waiting - placed);
        assertThat(placement.driverReasons().values()).allMatch(r -> r.equals(reason));
    }
}
