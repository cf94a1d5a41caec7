package io.drover.master.scheduling.placement;

import io.drover.protocol.Scheduling;
import io.drover.protocol.resources.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Builds placement inputs for tests (Flink's {@code Testing*} builders): workers, asks in the order they were
 * added (their submission order), queues and rules, with Spark's defaults unless a test says otherwise.
 */
final class TestingPlacement {

    static final int UNLIMITED = Integer.MAX_VALUE;
    static final long GB = 1024;

    private final List<WorkerOffer> workers = new ArrayList<>();
    private final List<DriverAsk> drivers = new ArrayList<>();
    private final List<AppAsk> apps = new ArrayList<>();
    private final List<QueueState> queues = new ArrayList<>();
    private PlacementRules rules = PlacementRules.sparkDefaults(0);
    private long seed = 42;
    private long seq;

    static TestingPlacement cluster() {
        return new TestingPlacement();
    }

    static WorkerOffer worker(String id, int cores, long memoryMb) {
        return WorkerOffer.of(id, Resources.of(cores, memoryMb));
    }

    /** n workers named w1..wn, all alike. */
    static List<WorkerOffer> workers(int n, int cores, long memoryMb) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> worker("w" + i, cores, memoryMb)).toList();
    }

    TestingPlacement with(WorkerOffer... offers) {
        workers.addAll(List.of(offers));
        return this;
    }

    TestingPlacement with(List<WorkerOffer> offers) {
        workers.addAll(offers);
        return this;
    }

    TestingPlacement queue(String name, int weight, Integer maxCores, int held) {
        queues.add(new QueueState(name, weight, maxCores, held));
        return this;
    }

    TestingPlacement rules(PlacementRules next) {
        rules = next;
        return this;
    }

    TestingPlacement seed(long next) {
        seed = next;
        return this;
    }

    TestingPlacement driver(String id, int cores, long memoryMb) {
        return driver(id, Scheduling.DEFAULT_QUEUE, 0, cores, memoryMb, Map.of());
    }

    TestingPlacement driver(String id, String queue, int priority, int cores, long memoryMb,
            Map<String, Integer> resources) {
        drivers.add(new DriverAsk(id, queue, priority, seq++, Resources.of(cores, memoryMb), resources, Map.of()));
        return this;
    }

    TestingPlacement driver(DriverAsk ask) {
        drivers.add(ask);
        return this;
    }

    /** An application of the default queue that has no executor yet and no executor limit. */
    TestingPlacement app(String id, Integer coresPerExecutor, long memoryMb, int coresWanted) {
        return app(AppAsk.of(id, seq++, coresPerExecutor, memoryMb, coresWanted, UNLIMITED, Set.of()));
    }

    TestingPlacement app(String id, String queue, int priority, Integer coresPerExecutor, int coresWanted) {
        return app(new AppAsk(id, queue, priority, seq++, coresPerExecutor, GB, Map.of(), coresWanted, UNLIMITED,
                Set.of(), Map.of()));
    }

    TestingPlacement app(AppAsk ask) {
        apps.add(ask);
        return this;
    }

    long nextSeq() {
        return seq++;
    }

    PlacementInput input() {
        int cores = workers.stream().mapToInt(w -> w.free().cores()).sum();
        PlacementRules withCores = new PlacementRules(rules.maxDrivers(), rules.driversLaunched(),
                rules.spreadOutDrivers(), rules.spreadOutApps(), rules.policy(),
                rules.clusterCores() > 0 ? rules.clusterCores() : cores);
        List<QueueState> all = new ArrayList<>(queues);
        if (all.stream().noneMatch(q -> q.name().equals(Scheduling.DEFAULT_QUEUE))) {
            all.add(new QueueState(Scheduling.DEFAULT_QUEUE, 1, null, 0));
        }
        return new PlacementInput(workers, drivers, apps, all, withCores, seed);
    }

    Placement place() {
        return PlacementPipeline.place(input());
    }

    /** "worker:cores" per executor, in decision order. */
    static List<String> layout(Placement placement) {
        return placement.executors().stream().map(e -> e.workerId() + ":" + e.cores()).toList();
    }
}
