package io.drover.master.scheduling.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.protocol.resources.Resources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Pins Spark's {@code Master.scheduleExecutorsOnWorkers} behaviour (DESIGN.md §3). */
class ExecutorPlacementTest {

    private static final int UNLIMITED = Integer.MAX_VALUE;
    private static final long GB = 1024;

    private static PendingApp app(String id, Integer coresPerExecutor, long memoryMb, int coresWanted) {
        return new PendingApp(id, coresPerExecutor, memoryMb, coresWanted, UNLIMITED, Set.of());
    }

    private static WorkerCapacity worker(String id, int cores, long memoryMb) {
        return new WorkerCapacity(id, Resources.of(cores, memoryMb));
    }

    /** n workers named w1..wn, all alike. */
    private static List<WorkerCapacity> workers(int n, int cores, long memoryMb) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> worker("w" + i, cores, memoryMb)).toList();
    }

    /** "worker:cores" per executor, in output order. */
    private static List<String> layout(List<ExecutorAssignment> placed) {
        return placed.stream().map(a -> a.workerId() + ":" + a.cores()).toList();
    }

    static Stream<Arguments> threeWorkersOfEightCoresAndTwelveCoresWanted() {
        return Stream.of(
                Arguments.of(2, true, List.of("w1:2", "w1:2", "w2:2", "w2:2", "w3:2", "w3:2")),
                Arguments.of(2, false, List.of("w1:2", "w1:2", "w1:2", "w1:2", "w2:2", "w2:2")),
                Arguments.of(null, true, List.of("w1:4", "w2:4", "w3:4")),
                Arguments.of(null, false, List.of("w1:8", "w2:4")));
    }

    @ParameterizedTest(name = "coresPerExecutor={0}, spreadOut={1}")
    @MethodSource("threeWorkersOfEightCoresAndTwelveCoresWanted")
    void spreadOutSpreadsAndConsolidatePacks(Integer coresPerExecutor, boolean spreadOut, List<String> expected) {
        List<ExecutorAssignment> placed = ExecutorPlacement.place(List.of(app("a", coresPerExecutor, GB, 12)),
                workers(3, 8, 64 * GB), spreadOut);

        assertThat(layout(placed)).containsExactlyElementsOf(expected);
        assertThat(placed).allSatisfy(a -> {
            assertThat(a.appId()).isEqualTo("a");
            assertThat(a.memoryMb()).isEqualTo(GB);
        });
    }

    @ParameterizedTest(name = "spreadOut={0}")
    @ValueSource(booleans = {true, false})
    void grantsAreOneExecutorsWorthSoCoresAreNotStranded(boolean spreadOut) {
        // SPARK-8881: one core at a time would give 2 + 2 + 2 and no worker would reach 3.
        List<ExecutorAssignment> placed = ExecutorPlacement.place(List.of(app("a", 3, GB, 6)),
                workers(3, 4, 64 * GB), spreadOut);

        assertThat(layout(placed)).containsExactly("w1:3", "w2:3");
    }

    // 10 cores sorts by counting, 100000 (far more than the workers) by comparison: both must agree.
    @ParameterizedTest(name = "biggest worker has {0} cores")
    @ValueSource(ints = {10, 100_000})
    void workersAreVisitedMostFreeCoresFirstAndTiesKeepInputOrder(int bigCores) {
        List<WorkerCapacity> workers = List.of(worker("small", 2, 64 * GB), worker("tieA", 6, 64 * GB),
                worker("big", bigCores, 64 * GB), worker("tieB", 6, 64 * GB));

        List<ExecutorAssignment> placed = ExecutorPlacement.place(List.of(app("a", null, GB, UNLIMITED)), workers,
                true);

        assertThat(layout(placed)).containsExactly("big:" + bigCores, "tieA:6", "tieB:6", "small:2");
    }

    @Test
    void unsetCoresPerExecutorSkipsAWorkerThatAlreadyRunsAnExecutorOfTheApp() {
        PendingApp app = new PendingApp("a", null, GB, UNLIMITED, UNLIMITED, Set.of("w2"));

        List<ExecutorAssignment> placed = ExecutorPlacement.place(List.of(app), workers(3, 8, 64 * GB), true);

        assertThat(layout(placed)).containsExactly("w1:8", "w3:8");
    }

    @Test
    void setCoresPerExecutorMayAddExecutorsOnAWorkerThatAlreadyRunsOne() {
        PendingApp app = new PendingApp("a", 4, GB, 8, UNLIMITED, Set.of("w1"));

        List<ExecutorAssignment> placed = ExecutorPlacement.place(List.of(app), workers(1, 8, 64 * GB), true);

        assertThat(layout(placed)).containsExactly("w1:4", "w1:4");
    }

    @Test
    void memoryRunsOutBeforeCores() {
        // 16 cores but memory for two 3 GB executors only.
        List<ExecutorAssignment> placed = ExecutorPlacement.place(List.of(app("a", 2, 3 * GB, UNLIMITED)),
                workers(1, 16, 7 * GB), false);

        assertThat(layout(placed)).containsExactly("w1:2", "w1:2");
    }

    @Test
    void memoryIsChargedPerExecutorNotPerCore() {
        // With coresPerExecutor unset the one executor grows to all 16 cores on memory for just one.
        List<ExecutorAssignment> placed = ExecutorPlacement.place(List.of(app("a", null, 3 * GB, UNLIMITED)),
                workers(1, 16, 3 * GB), true);

        assertThat(placed).containsExactly(new ExecutorAssignment("a", "w1", 16, 3 * GB));
    }

    @Test
    void aWorkerWithoutMemoryForOneExecutorIsNotUsable() {
        List<WorkerCapacity> workers = List.of(worker("poor", 16, GB), worker("rich", 4, 8 * GB));

        List<ExecutorAssignment> placed = ExecutorPlacement.place(List.of(app("a", 1, 2 * GB, UNLIMITED)), workers,
                true);

        assertThat(placed).extracting(ExecutorAssignment::workerId).containsOnly("rich").hasSize(4);
    }

    static Stream<Arguments> executorLimit() {
        return Stream.of(
                Arguments.of(2, 2, true, List.of("w1:2", "w2:2")),
                Arguments.of(2, 3, false, List.of("w1:2", "w1:2", "w1:2")),
                Arguments.of(null, 2, true, List.of("w1:8", "w2:8")),
                Arguments.of(null, 2, false, List.of("w1:8", "w2:8")));
    }

    @ParameterizedTest(name = "coresPerExecutor={0}, executorsAllowed={1}, spreadOut={2}")
    @MethodSource("executorLimit")
    void theExecutorLimitCapsTheNumberOfExecutors(Integer coresPerExecutor, int allowed, boolean spreadOut,
            List<String> expected) {
        PendingApp app = new PendingApp("a", coresPerExecutor, GB, UNLIMITED, allowed, Set.of());

        List<ExecutorAssignment> placed = ExecutorPlacement.place(List.of(app), workers(3, 8, 64 * GB), spreadOut);

        assertThat(layout(placed)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "spreadOut={0}")
    @ValueSource(booleans = {true, false})
    void unlimitedCoresTakeEverythingUsable(boolean spreadOut) {
        List<WorkerCapacity> workers = List.of(worker("w1", 8, 64 * GB), worker("w2", 5, 64 * GB),
                worker("w3", 1, 64 * GB));

        List<ExecutorAssignment> placed = ExecutorPlacement.place(List.of(app("a", 2, GB, UNLIMITED)), workers,
                spreadOut);

        // w2 keeps one core (less than an executor's worth), w3 has too few to be usable at all.
        assertThat(placed).extracting(ExecutorAssignment::cores).containsOnly(2);
        assertThat(placed).extracting(ExecutorAssignment::workerId)
                .containsExactly("w1", "w1", "w1", "w1", "w2", "w2");
    }

    @Test
    void workersWithTooFewCoresForOneExecutorAreSkipped() {
        List<WorkerCapacity> workers = List.of(worker("w1", 3, 64 * GB), worker("w2", 4, 64 * GB),
                worker("w3", 2, 64 * GB));

        List<ExecutorAssignment> placed = ExecutorPlacement.place(List.of(app("a", 4, GB, UNLIMITED)), workers, true);

        assertThat(layout(placed)).containsExactly("w2:4");
    }

    @Test
    void aSecondAppGetsWhatTheFirstLeft() {
        List<PendingApp> apps = List.of(app("first", 2, 4 * GB, 10), app("second", null, GB, UNLIMITED));

        List<ExecutorAssignment> placed = ExecutorPlacement.place(apps, workers(2, 8, 16 * GB), true);

        // first: 3 executors on w1 (6 cores, 12 GB), 2 on w2 (4 cores, 8 GB); second: the rest.
        assertThat(placed).containsExactly(
                new ExecutorAssignment("first", "w1", 2, 4 * GB),
                new ExecutorAssignment("first", "w1", 2, 4 * GB),
                new ExecutorAssignment("first", "w1", 2, 4 * GB),
                new ExecutorAssignment("first", "w2", 2, 4 * GB),
                new ExecutorAssignment("first", "w2", 2, 4 * GB),
                new ExecutorAssignment("second", "w2", 4, GB),
                new ExecutorAssignment("second", "w1", 2, GB));
    }

    @Test
    void anAppThatTookTheLastMemoryLeavesNothingForTheNext() {
        List<PendingApp> apps = List.of(app("first", 1, 8 * GB, 1), app("second", 1, GB, UNLIMITED));

        assertThat(ExecutorPlacement.place(apps, workers(1, 8, 8 * GB), true))
                .extracting(ExecutorAssignment::appId).containsExactly("first");
    }

    static Stream<Arguments> appsThatGetNothing() {
        return Stream.of(
                Arguments.of("coresWanted 0", new PendingApp("a", 2, GB, 0, UNLIMITED, Set.of())),
                Arguments.of("coresWanted below one executor", new PendingApp("a", 4, GB, 3, UNLIMITED, Set.of())),
                Arguments.of("coresWanted negative", new PendingApp("a", null, GB, -2, UNLIMITED, Set.of())),
                Arguments.of("executorsAllowed 0", new PendingApp("a", 2, GB, UNLIMITED, 0, Set.of())),
                Arguments.of("executorsAllowed negative", new PendingApp("a", null, GB, UNLIMITED, -1, Set.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appsThatGetNothing")
    void anAppWithNothingLeftToGrantGetsNothing(String why, PendingApp app) {
        assertThat(ExecutorPlacement.place(List.of(app), workers(3, 8, 64 * GB), true)).isEmpty();
    }

    @Test
    void anAppThatGetsNothingDoesNotBlockTheNext() {
        List<PendingApp> apps = List.of(app("huge", 16, GB, UNLIMITED), app("small", 2, GB, 2));

        assertThat(ExecutorPlacement.place(apps, workers(2, 8, 64 * GB), true))
                .containsExactly(new ExecutorAssignment("small", "w1", 2, GB));
    }

    @Test
    void noWorkersOrNoAppsMeansNoPlacements() {
        assertThat(ExecutorPlacement.place(List.of(app("a", 1, GB, 1)), List.of(), true)).isEmpty();
        assertThat(ExecutorPlacement.place(List.of(), workers(1, 8, GB), true)).isEmpty();
    }

    @Test
    void inputsAreNotModified() {
        Set<String> holders = new HashSet<>(Set.of("w3"));
        List<PendingApp> apps = new ArrayList<>(List.of(app("a", 2, GB, 12),
                new PendingApp("b", null, GB, UNLIMITED, UNLIMITED, holders)));
        List<WorkerCapacity> workers = new ArrayList<>(List.of(worker("w2", 4, 8 * GB), worker("w1", 8, 8 * GB),
                worker("w3", 8, 8 * GB)));
        List<PendingApp> appsBefore = List.copyOf(apps);
        List<WorkerCapacity> workersBefore = List.copyOf(workers);

        ExecutorPlacement.place(apps, workers, true);
        ExecutorPlacement.place(apps, workers, false);

        assertThat(apps).containsExactlyElementsOf(appsBefore);
        assertThat(workers).containsExactlyElementsOf(workersBefore);
        assertThat(holders).containsExactly("w3");
    }

    @Test
    void theSameInputGivesTheSameDecisions() {
        List<WorkerCapacity> workers = IntStream.range(0, 20).mapToObj(i -> worker("w" + i, 4 + i % 5, 32 * GB))
                .toList();
        List<PendingApp> apps = IntStream.range(0, 10)
                .mapToObj(i -> app("a" + i, i % 2 == 0 ? null : 1 + i % 3, GB, 3 + i)).toList();

        assertThat(ExecutorPlacement.place(apps, workers, true)).isEqualTo(ExecutorPlacement.place(apps, workers, true));
    }

    @Test
    void agreesWithALiteralPortOfSparksLoopOnRandomClusters() {
        Random random = new Random(1);
        for (int round = 0; round < 1_000; round++) {
            int workerCount = 1 + random.nextInt(12);
            List<WorkerCapacity> workers = IntStream.range(0, workerCount)
                    .mapToObj(i -> worker("w" + i, random.nextInt(10) == 0 ? 500 : random.nextInt(17),
                            random.nextInt(20) * 512L))
                    .toList();
            List<PendingApp> apps = IntStream.range(0, 1 + random.nextInt(6)).mapToObj(i -> {
                Set<String> holders = new HashSet<>();
                IntStream.range(0, workerCount).filter(w -> random.nextInt(5) == 0).forEach(w -> holders.add("w" + w));
                return new PendingApp("a" + i, random.nextBoolean() ? null : 1 + random.nextInt(5),
                        random.nextInt(5) * 512L, random.nextInt(4) == 0 ? UNLIMITED : random.nextInt(40) - 2,
                        random.nextInt(3) == 0 ? UNLIMITED : random.nextInt(8) - 1, holders);
            }).toList();
            for (boolean spreadOut : new boolean[] {true, false}) {
                assertThat(ExecutorPlacement.place(apps, workers, spreadOut))
                        .as("round %d, spreadOut %s: %s on %s", round, spreadOut, apps, workers)
                        .isEqualTo(SparkLoop.place(apps, workers, spreadOut));
            }
        }
    }

    @Test
    void aPendingAppRejectsNonsense() {
        assertThatThrownBy(() -> new PendingApp("a", 0, GB, 1, 1, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PendingApp("a", null, -1, 1, 1, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Spark 3.x {@code Master.startExecutorsOnWorkers} / {@code scheduleExecutorsOnWorkers}, transcribed line by
     * line with no care for speed, as the reference the real placement must agree with. The only departures are
     * the ones DESIGN.md asks for: a stable sort, and skipping workers that already hold an executor when
     * coresPerExecutor is unset.
     */
    private static final class SparkLoop {

        static List<ExecutorAssignment> place(List<PendingApp> apps, List<WorkerCapacity> workers, boolean spreadOut) {
            Map<String, Resources> free = new LinkedHashMap<>();
            workers.forEach(w -> free.put(w.workerId(), w.free()));
            List<ExecutorAssignment> out = new ArrayList<>();
            for (PendingApp app : apps) {
                Integer coresPerExecutor = app.coresPerExecutor();
                int minCores = coresPerExecutor == null ? 1 : coresPerExecutor;
                boolean oneExecutorPerWorker = coresPerExecutor == null;
                long memory = app.memoryPerExecutorMb();
                if (app.coresWanted() < minCores) {
                    continue;
                }
                List<String> usable = free.keySet().stream()
                        .filter(id -> free.get(id).memoryMb() >= memory && free.get(id).cores() >= minCores)
                        .filter(id -> !(oneExecutorPerWorker && app.workersWithExecutor().contains(id)))
                        .sorted(Comparator.comparingInt((String id) -> free.get(id).cores()).reversed())
                        .toList();
                int[] assignedCores = new int[usable.size()];
                int[] assignedExecutors = new int[usable.size()];
                long usableCores = usable.stream().mapToLong(id -> free.get(id).cores()).sum();
                int[] coresToAssign = {(int) Math.min(app.coresWanted(), usableCores)};
                IntPredicate canLaunchExecutor = pos -> {
                    boolean keepScheduling = coresToAssign[0] >= minCores;
                    boolean enoughCores = free.get(usable.get(pos)).cores() - assignedCores[pos] >= minCores;
                    boolean launchingNewExecutor = !oneExecutorPerWorker || assignedExecutors[pos] == 0;
                    if (launchingNewExecutor) {
                        long assignedMemory = assignedExecutors[pos] * memory;
                        boolean enoughMemory = free.get(usable.get(pos)).memoryMb() - assignedMemory >= memory;
                        boolean underLimit = IntStream.of(assignedExecutors).sum() < app.executorsAllowed();
                        return keepScheduling && enoughCores && enoughMemory && underLimit;
                    }
                    return keepScheduling && enoughCores;
                };
                List<Integer> freeWorkers = IntStream.range(0, usable.size()).filter(canLaunchExecutor).boxed().toList();
                while (!freeWorkers.isEmpty()) {
                    for (int pos : freeWorkers) {
                        boolean keepScheduling = true;
                        while (keepScheduling && canLaunchExecutor.test(pos)) {
                            coresToAssign[0] -= minCores;
                            assignedCores[pos] += minCores;
                            assignedExecutors[pos] = oneExecutorPerWorker ? 1 : assignedExecutors[pos] + 1;
                            if (spreadOut) {
                                keepScheduling = false;
                            }
                        }
                    }
                    freeWorkers = freeWorkers.stream().filter(canLaunchExecutor::test).toList();
                }
                for (int pos = 0; pos < usable.size(); pos++) {
                    if (assignedCores[pos] > 0) {
                        String id = usable.get(pos);
                        int executors = oneExecutorPerWorker ? 1 : assignedCores[pos] / coresPerExecutor;
                        int coresEach = oneExecutorPerWorker ? assignedCores[pos] : coresPerExecutor;
                        for (int e = 0; e < executors; e++) {
                            out.add(new ExecutorAssignment(app.appId(), id, coresEach, memory));
                        }
                        free.put(id, free.get(id).minus(Resources.of(assignedCores[pos], executors * memory)));
                    }
                }
            }
            return out;
        }
    }

    @Test
    void executorsThatNeedSparkArePlacedOnlyOnWorkersWithSpark() {
        PendingApp spark = new PendingApp("spark", 1, GB, 4, UNLIMITED, Set.of(), true);
        List<WorkerCapacity> workers = List.of(worker("plain", 16, 64 * GB),
                new WorkerCapacity("s1", Resources.of(2, 8 * GB), true),
                new WorkerCapacity("s2", Resources.of(2, 8 * GB), true));

        List<ExecutorAssignment> placed = ExecutorPlacement.place(List.of(spark, app("any", 4, GB, 4)), workers, true);

        assertThat(layout(placed)).containsExactly("s1:1", "s1:1", "s2:1", "s2:1", "plain:4");
    }
}
