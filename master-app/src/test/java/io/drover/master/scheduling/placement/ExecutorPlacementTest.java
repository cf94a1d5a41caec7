package io.drover.master.scheduling.placement;

import static io.drover.master.scheduling.placement.TestingPlacement.GB;
import static io.drover.master.scheduling.placement.TestingPlacement.UNLIMITED;
import static io.drover.master.scheduling.placement.TestingPlacement.cluster;
import static io.drover.master.scheduling.placement.TestingPlacement.layout;
import static io.drover.master.scheduling.placement.TestingPlacement.worker;
import static io.drover.master.scheduling.placement.TestingPlacement.workers;
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

/**
 * Pins Spark 4's {@code Master.startExecutorsOnWorkers} / {@code scheduleExecutorsOnWorkers} behaviour
 * (DESIGN.md §3) in the placement pipeline, with one queue: most free cores first, ties to the larger worker id.
 */
class ExecutorPlacementTest {

    private static Placement place(List<AppAsk> apps, List<WorkerOffer> workers, boolean spreadOut) {
        return place(apps, workers, spreadOut, WorkerSelectionPolicy.CORES_FREE_DESC);
    }

    private static Placement place(List<AppAsk> apps, List<WorkerOffer> workers, boolean spreadOut,
            WorkerSelectionPolicy policy) {
        TestingPlacement cluster = cluster().with(workers)
                .rules(PlacementRules.sparkDefaults(0).withSpreadOutApps(spreadOut).withPolicy(policy));
        apps.forEach(cluster::app);
        return cluster.place();
    }

    private static long seq;

    /** An application with no executor and no limit; applications are served in the order they are made. */
    private static AppAsk app(String id, Integer coresPerExecutor, long memoryMb, int coresWanted) {
        return AppAsk.of(id, seq++, coresPerExecutor, memoryMb, coresWanted, UNLIMITED, Set.of());
    }

    private static AppAsk app(String id, Integer coresPerExecutor, long memoryMb, int coresWanted, int allowed,
            Set<String> holders) {
        return AppAsk.of(id, seq++, coresPerExecutor, memoryMb, coresWanted, allowed, holders);
    }

    static Stream<Arguments> threeWorkersOfEightCoresAndTwelveCoresWanted() {
        return Stream.of(
                Arguments.of(2, true, List.of("w3:2", "w3:2", "w2:2", "w2:2", "w1:2", "w1:2")),
                Arguments.of(2, false, List.of("w3:2", "w3:2", "w3:2", "w3:2", "w2:2", "w2:2")),
                Arguments.of(null, true, List.of("w3:4", "w2:4", "w1:4")),
                Arguments.of(null, false, List.of("w3:8", "w2:4")));
    }

    @ParameterizedTest(name = "coresPerExecutor={0}, spreadOut={1}")
    @MethodSource("threeWorkersOfEightCoresAndTwelveCoresWanted")
    void spreadOutSpreadsAndConsolidatePacks(Integer coresPerExecutor, boolean spreadOut, List<String> expected) {
        Placement placed = place(List.of(app("a", coresPerExecutor, GB, 12)), workers(3, 8, 64 * GB), spreadOut);

        assertThat(layout(placed)).containsExactlyElementsOf(expected);
        assertThat(placed.executors()).allSatisfy(e -> {
            assertThat(e.appId()).isEqualTo("a");
            assertThat(e.memoryMb()).isEqualTo(GB);
        });
    }

    @ParameterizedTest(name = "spreadOut={0}")
    @ValueSource(booleans = {true, false})
    void grantsAreOneExecutorsWorthSoCoresAreNotStranded(boolean spreadOut) {
        // SPARK-8881: one core at a time would give 2 + 2 + 2 and no worker would reach 3.
        Placement placed = place(List.of(app("a", 3, GB, 6)), workers(3, 4, 64 * GB), spreadOut);

        assertThat(layout(placed)).containsExactly("w3:3", "w2:3");
    }

    @Test
    void workersAreVisitedMostFreeCoresFirstAndTiesGoToTheLargerWorkerId() {
        List<WorkerOffer> workers = List.of(worker("small", 2, 64 * GB), worker("tieA", 6, 64 * GB),
                worker("big", 10, 64 * GB), worker("tieB", 6, 64 * GB));

        Placement placed = place(List.of(app("a", null, GB, UNLIMITED)), workers, true);

        assertThat(layout(placed)).containsExactly("big:10", "tieB:6", "tieA:6", "small:2");
    }

    @Test
    void unsetCoresPerExecutorSkipsAWorkerThatAlreadyRunsAnExecutorOfTheApp() {
        Placement placed = place(List.of(app("a", null, GB, UNLIMITED, UNLIMITED, Set.of("w2"))),
                workers(3, 8, 64 * GB), true);

        assertThat(layout(placed)).containsExactly("w3:8", "w1:8");
    }

    @Test
    void setCoresPerExecutorMayAddExecutorsOnAWorkerThatAlreadyRunsOne() {
        Placement placed = place(List.of(app("a", 4, GB, 8, UNLIMITED, Set.of("w1"))), workers(1, 8, 64 * GB), true);

        assertThat(layout(placed)).containsExactly("w1:4", "w1:4");
    }

    @Test
    void memoryRunsOutBeforeCores() {
        // 16 cores but memory for two 3 GB executors only.
        Placement placed = place(List.of(app("a", 2, 3 * GB, UNLIMITED)), workers(1, 16, 7 * GB), false);

        assertThat(layout(placed)).containsExactly("w1:2", "w1:2");
    }

    @Test
    void memoryIsChargedPerExecutorNotPerCore() {
        // With coresPerExecutor unset the one executor grows to all 16 cores on memory for just one.
        Placement placed = place(List.of(app("a", null, 3 * GB, UNLIMITED)), workers(1, 16, 3 * GB), true);

        assertThat(placed.executors()).containsExactly(new ExecutorDecision("a", "w1", 16, 3 * GB));
    }

    @Test
    void aWorkerWithoutMemoryForOneExecutorIsNotUsable() {
        List<WorkerOffer> workers = List.of(worker("poor", 16, GB), worker("rich", 4, 8 * GB));

        Placement placed = place(List.of(app("a", 1, 2 * GB, UNLIMITED)), workers, true);

        assertThat(placed.executors()).extracting(ExecutorDecision::workerId).containsOnly("rich").hasSize(4);
    }

    static Stream<Arguments> executorLimit() {
        return Stream.of(
                Arguments.of(2, 2, true, List.of("w3:2", "w2:2")),
                Arguments.of(2, 3, false, List.of("w3:2", "w3:2", "w3:2")),
                Arguments.of(null, 2, true, List.of("w3:8", "w2:8")),
                Arguments.of(null, 2, false, List.of("w3:8", "w2:8")));
    }

    @ParameterizedTest(name = "coresPerExecutor={0}, executorsAllowed={1}, spreadOut={2}")
    @MethodSource("executorLimit")
    void theExecutorLimitCapsTheNumberOfExecutors(Integer coresPerExecutor, int allowed, boolean spreadOut,
            List<String> expected) {
        Placement placed = place(List.of(app("a", coresPerExecutor, GB, UNLIMITED, allowed, Set.of())),
                workers(3, 8, 64 * GB), spreadOut);

        assertThat(layout(placed)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "spreadOut={0}")
    @ValueSource(booleans = {true, false})
    void unlimitedCoresTakeEverythingUsable(boolean spreadOut) {
        List<WorkerOffer> workers = List.of(worker("w1", 8, 64 * GB), worker("w2", 5, 64 * GB),
                worker("w3", 1, 64 * GB));

        Placement placed = place(List.of(app("a", 2, GB, UNLIMITED)), workers, spreadOut);

        // w2 keeps one core (less than an executor's worth), w3 has too few to be usable at all.
        assertThat(placed.executors()).extracting(ExecutorDecision::cores).containsOnly(2);
        assertThat(placed.executors()).extracting(ExecutorDecision::workerId)
                .containsExactly("w1", "w1", "w1", "w1", "w2", "w2");
    }

    @Test
    void workersWithTooFewCoresForOneExecutorAreSkipped() {
        List<WorkerOffer> workers = List.of(worker("w1", 3, 64 * GB), worker("w2", 4, 64 * GB),
                worker("w3", 2, 64 * GB));

        assertThat(layout(place(List.of(app("a", 4, GB, UNLIMITED)), workers, true))).containsExactly("w2:4");
    }

    @Test
    void aSecondAppGetsWhatTheFirstLeft() {
        List<AppAsk> apps = List.of(app("first", 2, 4 * GB, 10), app("second", null, GB, UNLIMITED));

        Placement placed = place(apps, workers(2, 8, 16 * GB), true);

        // first: 3 executors on w2 (6 cores, 12 GB), 2 on w1 (4 cores, 8 GB); second: the rest, most free first.
        assertThat(placed.executors()).containsExactly(
                new ExecutorDecision("first", "w2", 2, 4 * GB),
                new ExecutorDecision("first", "w2", 2, 4 * GB),
                new ExecutorDecision("first", "w2", 2, 4 * GB),
                new ExecutorDecision("first", "w1", 2, 4 * GB),
                new ExecutorDecision("first", "w1", 2, 4 * GB),
                new ExecutorDecision("second", "w1", 4, GB),
                new ExecutorDecision("second", "w2", 2, GB));
    }

    @Test
    void anAppThatTookTheLastMemoryLeavesNothingForTheNext() {
        List<AppAsk> apps = List.of(app("first", 1, 8 * GB, 1), app("second", 1, GB, UNLIMITED));

        assertThat(place(apps, workers(1, 8, 8 * GB), true).executors())
                .extracting(ExecutorDecision::appId).containsExactly("first");
    }

    static Stream<Arguments> appsThatGetNothing() {
        return Stream.of(
                Arguments.of("coresWanted 0", AppAsk.of("a", 0, 2, GB, 0, UNLIMITED, Set.of())),
                Arguments.of("coresWanted below one executor", AppAsk.of("a", 0, 4, GB, 3, UNLIMITED, Set.of())),
                Arguments.of("coresWanted negative", AppAsk.of("a", 0, null, GB, -2, UNLIMITED, Set.of())),
                Arguments.of("executorsAllowed 0", AppAsk.of("a", 0, 2, GB, UNLIMITED, 0, Set.of())),
                Arguments.of("executorsAllowed negative", AppAsk.of("a", 0, null, GB, UNLIMITED, -1, Set.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appsThatGetNothing")
    void anAppWithNothingLeftToGrantGetsNothingAndDoesNotWait(String why, AppAsk app) {
        Placement placed = place(List.of(app), workers(3, 8, 64 * GB), true);

        assertThat(placed.executors()).isEmpty();
        assertThat(placed.appReasons()).isEmpty();
    }

    @Test
    void anAppThatGetsNothingDoesNotBlockTheNext() {
        List<AppAsk> apps = List.of(app("huge", 16, GB, UNLIMITED), app("small", 2, GB, 2));

        assertThat(place(apps, workers(2, 8, 64 * GB), true).executors())
                .containsExactly(new ExecutorDecision("small", "w2", 2, GB));
    }

    @Test
    void noWorkersOrNoAppsMeansNoPlacements() {
        assertThat(place(List.of(app("a", 1, GB, 1)), List.of(), true).executors()).isEmpty();
        assertThat(place(List.of(), workers(1, 8, GB), true).executors()).isEmpty();
    }

    @Test
    void inputsAreNotModified() {
        Set<String> holders = new HashSet<>(Set.of("w3"));
        List<WorkerOffer> workers = new ArrayList<>(List.of(worker("w2", 4, 8 * GB), worker("w1", 8, 8 * GB),
                worker("w3", 8, 8 * GB)));
        List<AppAsk> apps = new ArrayList<>(List.of(app("a", 2, GB, 12), app("b", null, GB, UNLIMITED, UNLIMITED,
                holders)));
        List<AppAsk> appsBefore = List.copyOf(apps);
        List<WorkerOffer> workersBefore = List.copyOf(workers);

        place(apps, workers, true);
        place(apps, workers, false);

        assertThat(apps).containsExactlyElementsOf(appsBefore);
        assertThat(workers).containsExactlyElementsOf(workersBefore);
        assertThat(holders).containsExactly("w3");
    }

    @Test
    void theSameInputGivesTheSameDecisions() {
        List<WorkerOffer> workers = IntStream.range(0, 20).mapToObj(i -> worker("w" + i, 4 + i % 5, 32 * GB))
                .toList();
        List<AppAsk> apps = IntStream.range(0, 10)
                .mapToObj(i -> app("a" + i, i % 2 == 0 ? null : 1 + i % 3, GB, 3 + i)).toList();

        assertThat(place(apps, workers, true)).isEqualTo(place(apps, workers, true));
    }

    @Test
    void agreesWithALiteralPortOfSparksLoopOnRandomClustersUnderEveryPolicy() {
        Random random = new Random(1);
        for (int round = 0; round < 1_000; round++) {
            int workerCount = 1 + random.nextInt(12);
            List<WorkerOffer> workers = IntStream.range(0, workerCount)
                    .mapToObj(i -> worker("w" + i, random.nextInt(10) == 0 ? 500 : random.nextInt(17),
                            random.nextInt(20) * 512L))
                    .toList();
            List<AppAsk> apps = IntStream.range(0, 1 + random.nextInt(6)).mapToObj(i -> {
                Set<String> holders = new HashSet<>();
                IntStream.range(0, workerCount).filter(w -> random.nextInt(5) == 0).forEach(w -> holders.add("w" + w));
                return app("a" + i, random.nextBoolean() ? null : 1 + random.nextInt(5), random.nextInt(5) * 512L,
                        random.nextInt(4) == 0 ? UNLIMITED : random.nextInt(40) - 2,
                        random.nextInt(3) == 0 ? UNLIMITED : random.nextInt(8) - 1, holders);
            }).toList();
            for (WorkerSelectionPolicy policy : WorkerSelectionPolicy.values()) {
                for (boolean spreadOut : new boolean[] {true, false}) {
                    assertThat(place(apps, workers, spreadOut, policy).executors())
                            .as("round %d, %s, spreadOut %s: %s on %s", round, policy, spreadOut, apps, workers)
                            .isEqualTo(SparkLoop.place(apps, workers, spreadOut, policy));
                }
            }
        }
    }

    @Test
    void anAppAskRejectsNonsense() {
        assertThatThrownBy(() -> AppAsk.of("a", 0, 0, GB, 1, 1, Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AppAsk.of("a", 0, null, -1, 1, 1, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Spark 4 {@code Master.startExecutorsOnWorkers} / {@code scheduleExecutorsOnWorkers}, transcribed line by line
     * with no care for speed, as the reference the real placement must agree with. The one departure is the one
     * DESIGN.md asks for: skipping workers that already hold an executor when coresPerExecutor is unset.
     */
    private static final class SparkLoop {

        static List<ExecutorDecision> place(List<AppAsk> apps, List<WorkerOffer> workers, boolean spreadOut,
                WorkerSelectionPolicy policy) {
            Map<String, Resources> free = new LinkedHashMap<>();
            workers.forEach(w -> free.put(w.workerId(), w.free()));
            List<ExecutorDecision> out = new ArrayList<>();
            for (AppAsk app : apps) {
                Integer coresPerExecutor = app.coresPerExecutor();
                int minCores = coresPerExecutor == null ? 1 : coresPerExecutor;
                boolean oneExecutorPerWorker = coresPerExecutor == null;
                long memory = app.memoryPerExecutorMb();
                if (app.coresWanted() < minCores) {
                    continue;
                }
                List<String> usable = sorted(free.keySet().stream()
                        .filter(id -> free.get(id).memoryMb() >= memory && free.get(id).cores() >= minCores)
                        .filter(id -> !(oneExecutorPerWorker && app.workersWithExecutor().contains(id)))
                        .toList(), free, policy);
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
                            out.add(new ExecutorDecision(app.appId(), id, coresEach, memory));
                        }
                        free.put(id, free.get(id).minus(Resources.of(assignedCores[pos], executors * memory)));
                    }
                }
            }
            return out;
        }

        /** {@code sortBy(w => (w.coresFree, w.id))}, reversed for the descending policies; {@code sortBy(_.id)}. */
        private static List<String> sorted(List<String> ids, Map<String, Resources> free,
                WorkerSelectionPolicy policy) {
            Comparator<String> byId = Comparator.naturalOrder();
            Comparator<String> byCores = Comparator.<String>comparingInt(id -> free.get(id).cores()).thenComparing(byId);
            Comparator<String> byMemory = Comparator.<String>comparingLong(id -> free.get(id).memoryMb())
                    .thenComparing(byId);
            Comparator<String> order = switch (policy) {
                case CORES_FREE_ASC -> byCores;
                case CORES_FREE_DESC -> byCores.reversed();
                case MEMORY_FREE_ASC -> byMemory;
                case MEMORY_FREE_DESC -> byMemory.reversed();
                case WORKER_ID -> byId;
            };
            return ids.stream().sorted(order).toList();
        }
    }
}
