package io.drover.master.scheduling.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.protocol.resources.Resources;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DriverPlacementTest {

    private static WaitingDriver driver(String id, int cores, long memoryMb) {
        return new WaitingDriver(id, Resources.of(cores, memoryMb));
    }

    private static WorkerCapacity worker(String id, int cores, long memoryMb) {
        return new WorkerCapacity(id, Resources.of(cores, memoryMb));
    }

    @Test
    void aDriverGoesToAWorkerWithRoom() {
        List<DriverAssignment> placed = DriverPlacement.place(List.of(driver("d1", 2, 512)),
                List.of(worker("small", 1, 4096), worker("big", 4, 4096)), 42);

        assertThat(placed).containsExactly(new DriverAssignment("d1", "big"));
    }

    @Test
    void aDriverThatFitsNowhereWaits() {
        List<DriverAssignment> placed = DriverPlacement.place(List.of(driver("d1", 8, 512)),
                List.of(worker("w1", 4, 4096), worker("w2", 4, 4096)), 42);

        assertThat(placed).isEmpty();
    }

    @Test
    void memoryCountsAsMuchAsCores() {
        List<DriverAssignment> placed = DriverPlacement.place(List.of(driver("d1", 1, 2048)),
                List.of(worker("w1", 8, 1024)), 42);

        assertThat(placed).isEmpty();
    }

    @Test
    void resourcesGrantedInARoundAreNotGrantedTwice() {
        List<DriverAssignment> placed = DriverPlacement.place(
                List.of(driver("d1", 2, 512), driver("d2", 2, 512), driver("d3", 2, 512)),
                List.of(worker("w1", 4, 4096)), 42);

        assertThat(placed).extracting(DriverAssignment::driverId).containsExactly("d1", "d2");
    }

    @Test
    void driversAreSpreadRoundRobinOverWorkers() {
        List<WorkerCapacity> workers = IntStream.range(0, 4).mapToObj(i -> worker("w" + i, 4, 4096)).toList();
        List<WaitingDriver> drivers = IntStream.range(0, 4).mapToObj(i -> driver("d" + i, 1, 256)).toList();

        List<DriverAssignment> placed = DriverPlacement.place(drivers, workers, 7);

        assertThat(placed).extracting(DriverAssignment::workerId).doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void aLaterSmallerDriverStillFindsRoomAfterABigOneWaits() {
        List<DriverAssignment> placed = DriverPlacement.place(List.of(driver("big", 16, 512), driver("small", 1, 512)),
                List.of(worker("w1", 4, 4096)), 42);

        assertThat(placed).containsExactly(new DriverAssignment("small", "w1"));
    }

    @Test
    void theSameSeedGivesTheSameDecisions() {
        List<WorkerCapacity> workers = IntStream.range(0, 10).mapToObj(i -> worker("w" + i, 2, 4096)).toList();
        List<WaitingDriver> drivers = IntStream.range(0, 15).mapToObj(i -> driver("d" + i, 1, 256)).toList();

        assertThat(DriverPlacement.place(drivers, workers, 99)).isEqualTo(DriverPlacement.place(drivers, workers, 99));
    }

    @Test
    void noWorkersMeansNoPlacements() {
        assertThat(DriverPlacement.place(List.of(driver("d1", 1, 1)), List.of(), 1)).isEmpty();
    }

    @Test
    void aDriverThatNeedsSparkGoesOnlyToAWorkerWithSpark() {
        WaitingDriver spark = new WaitingDriver("d1", Resources.of(1, 512), true);
        List<WorkerCapacity> workers = List.of(worker("plain1", 8, 8192), worker("plain2", 8, 8192),
                new WorkerCapacity("spark", Resources.of(2, 1024), true));

        for (long seed = 0; seed < 20; seed++) {
            assertThat(DriverPlacement.place(List.of(spark), workers, seed))
                    .containsExactly(new DriverAssignment("d1", "spark"));
        }
    }

    @Test
    void aDriverThatNeedsSparkWaitsWhileNoWorkerHasSpark() {
        WaitingDriver spark = new WaitingDriver("d1", Resources.of(1, 512), true);

        assertThat(DriverPlacement.place(List.of(spark, driver("d2", 1, 512)), List.of(worker("plain", 8, 8192)), 3))
                .containsExactly(new DriverAssignment("d2", "plain"));
    }
}
