package io.drover.bench.jmh;

import io.drover.bench.jmh.baseline.PendingApp;
import io.drover.bench.jmh.baseline.WorkerCapacity;
import io.drover.master.scheduling.placement.AppAsk;
import io.drover.master.scheduling.placement.PlacementInput;
import io.drover.master.scheduling.placement.PlacementRules;
import io.drover.master.scheduling.placement.QueueState;
import io.drover.master.scheduling.placement.WorkerOffer;
import io.drover.protocol.Scheduling;
import io.drover.protocol.resources.Resources;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The clusters the placement benchmark places on, from fixed seeds so every run places the same rounds.
 *
 * <p>Workers have 16–64 free cores and 64–256 GB. Applications: half with {@code coresPerExecutor} unset, the
 * rest 1, 2, 4 or 8; 1–8 GB executors; most want 2–80 cores, some are unlimited but capped by an executor limit;
 * a fifth already run executors on a few workers. Total demand exceeds the cluster, so late applications find it
 * partly full, as in a busy round. "Today's" workload is exactly the one the benchmark placed before issue 14
 * (one queue, cores and memory only); the queued one adds four queues (weights 4:3:2:1, one capped at a tenth of
 * the cluster), priorities, 2 % of workers offering 4 GPUs and 2 % of applications asking one per executor, and
 * 1 % of workers draining and 1 % unhealthy.
 */
final class PlacementWorkloads {

    static final long SEED = 42;
    private static final int[] CORES_PER_EXECUTOR = {1, 2, 4, 8};
    private static final long GB = 1024;
    private static final String[] QUEUES = {"etl", "ml", "adhoc", Scheduling.DEFAULT_QUEUE};

    private PlacementWorkloads() {
    }

    /** Today's workers, for the baseline. */
    static List<WorkerCapacity> baselineWorkers(int count) {
        Random random = new Random(SEED);
        List<WorkerCapacity> workers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            workers.add(new WorkerCapacity(workerId(i), Resources.of(16 + random.nextInt(49),
                    (64 + random.nextInt(193)) * GB)));
        }
        return List.copyOf(workers);
    }

    /** Today's applications, for the baseline. */
    static List<PendingApp> baselineApps(int count, int workers) {
        Random random = new Random(SEED + 1);
        List<PendingApp> apps = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Shape s = Shape.draw(random, workers);
            apps.add(new PendingApp(appId(i), s.coresPerExecutor, s.memoryMb, s.coresWanted, s.executorsAllowed,
                    s.holders));
        }
        return List.copyOf(apps);
    }

    /** The same cluster and applications as the baseline's, through the new pipeline: one queue, no extras. */
    static PlacementInput today(int workers, int apps, boolean spreadOut) {
        List<WorkerOffer> offers = baselineWorkers(workers).stream()
                .map(w -> WorkerOffer.of(w.workerId(), w.free())).toList();
        List<AppAsk> asks = new ArrayList<>(apps);
        List<PendingApp> pending = baselineApps(apps, workers);
        for (int i = 0; i < pending.size(); i++) {
            PendingApp p = pending.get(i);
            asks.add(AppAsk.of(p.appId(), i, p.coresPerExecutor(), p.memoryPerExecutorMb(), p.coresWanted(),
                    p.executorsAllowed(), p.workersWithExecutor()));
        }
        return new PlacementInput(offers, List.of(), asks,
                List.of(new QueueState(Scheduling.DEFAULT_QUEUE, 1, null, 0)), rules(offers, spreadOut), SEED);
    }

    /** Four queues, priorities, GPUs, draining and unhealthy workers. */
    static PlacementInput queued(int workers, int apps, boolean spreadOut) {
        Random random = new Random(SEED + 2);
        List<WorkerOffer> offers = new ArrayList<>(workers);
        for (WorkerCapacity w : baselineWorkers(workers)) {
            WorkerOffer offer = WorkerOffer.of(w.workerId(), w.free());
            int roll = random.nextInt(100);
            if (roll < 2) {
                offer = offer.withAddresses(Map.of("gpu", List.of("0", "1", "2", "3")));
            } else if (roll == 2) {
                offer = offer.drainingNow();
            } else if (roll == 3) {
                offer = offer.unhealthy("work directory is full");
            }
            offers.add(offer);
        }
        List<AppAsk> asks = new ArrayList<>(apps);
        for (int i = 0; i < apps; i++) {
            Shape s = Shape.draw(random, workers);
            Map<String, Integer> gpus = random.nextInt(50) == 0 ? Map.of("gpu", 1) : Map.of();
            asks.add(new AppAsk(appId(i), QUEUES[random.nextInt(QUEUES.length)], random.nextInt(3), i,
                    s.coresPerExecutor, s.memoryMb, gpus, s.coresWanted, s.executorsAllowed, s.holders, Map.of()));
        }
        int cores = offers.stream().mapToInt(o -> o.free().cores()).sum();
        List<QueueState> queues = List.of(new QueueState("etl", 4, null, 0), new QueueState("ml", 3, null, 0),
                new QueueState("adhoc", 2, cores / 10, 0), new QueueState(Scheduling.DEFAULT_QUEUE, 1, null, 0));
        return new PlacementInput(offers, List.of(), asks, queues, rules(offers, spreadOut), SEED);
    }

    private static PlacementRules rules(List<WorkerOffer> offers, boolean spreadOut) {
        return PlacementRules.sparkDefaults(offers.stream().mapToInt(o -> o.free().cores()).sum())
                .withSpreadOutApps(spreadOut);
    }

    private static String workerId(int i) {
        return "worker-%05d".formatted(i);
    }

    private static String appId(int i) {
        return "app-%05d".formatted(i);
    }

    /** One application's sizes, drawn the way the benchmark always drew them. */
    private record Shape(Integer coresPerExecutor, long memoryMb, int coresWanted, int executorsAllowed,
            Set<String> holders) {

        static Shape draw(Random random, int workers) {
            Integer coresPerExecutor = random.nextBoolean() ? null : CORES_PER_EXECUTOR[random.nextInt(4)];
            long memoryMb = (1L << random.nextInt(4)) * GB;
            boolean unlimited = random.nextInt(20) == 0;
            int coresWanted = unlimited ? Integer.MAX_VALUE : 2 + random.nextInt(79);
            // An unlimited application is always capped by an executor limit, or the first one would take the
            // whole cluster and the round would be trivial for everyone after it.
            int executorsAllowed = unlimited || random.nextInt(4) == 0 ? 1 + random.nextInt(16) : Integer.MAX_VALUE;
            Set<String> holders = new HashSet<>();
            if (random.nextInt(5) == 0) {
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    holders.add(workerId(random.nextInt(workers)));
                }
            }
            return new Shape(coresPerExecutor, memoryMb, coresWanted, executorsAllowed, holders);
        }
    }
}
