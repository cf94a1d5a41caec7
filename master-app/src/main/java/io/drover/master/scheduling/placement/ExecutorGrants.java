package io.drover.master.scheduling.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Executors for one application, as Spark's {@code startExecutorsOnWorkers} and
 * {@code scheduleExecutorsOnWorkers} grant them, on the workers of a {@link WorkerPool}.
 *
 * <p>The usable workers are those with memory, custom resources and attributes for one executor and at least one
 * executor's worth of free cores ({@code coresPerExecutor}, or 1 when unset), in the worker selection policy's
 * order. Cores are granted in passes over them: with spread-out each worker gets one grant per pass, which spreads
 * an application over as many workers as possible (better data locality, Spark's default); without it a worker
 * takes grants until it cannot before the next one gets any, which packs an application onto few workers. A
 * worker stops taking grants when its cores, its memory or a custom resource runs out or when the application's
 * executor limit is reached. Memory and custom resources are charged per executor, not per core.
 *
 * <p>Each grant is one executor's worth of cores, never a single core (SPARK-8881): granting one core at a time
 * with {@code coresPerExecutor = 3} and {@code maxCores = 6} over workers with 4 free cores would hand out
 * 2 + 2 + 2 cores, no worker would reach 3, and the application would get no executor at all while those cores
 * counted as granted; one executor's worth at a time gives two 3-core executors.
 *
 * <p>When {@code coresPerExecutor} is unset a worker holds at most one executor of the application, which takes
 * all the cores granted there: grants after the first on a worker add cores to that executor, so they need no
 * memory and do not count against the executor limit, and a worker that already runs an executor of the
 * application is not usable at all.
 *
 * <p>Spark first sums the free cores of every usable worker to cap what it will grant; that cap can never bind
 * before the workers run out, so here the usable workers are found lazily, in order, and the search stops as
 * soon as the application has what it asked for: a round over 10,000 workers visits only the few each
 * application lands on.
 */
final class ExecutorGrants {

    private final WorkerPool pool;
    private final boolean spreadOut;
    /** Usable workers of the current application in the order met, as pool indexes. */
    private final int[] usable;
    private final int[] assignedCores;
    private final int[] assignedExecutors;
    private final int[] open;
    /** The workers that already run an executor of the current application, when that rules them out. */
    private final boolean[] holds;

    // The application being placed.
    private AppAsk app;
    private int minCores;
    private boolean oneExecutorPerWorker;
    private int coresToAssign;
    private int executorsAssigned;

    ExecutorGrants(WorkerPool pool, boolean spreadOut) {
        this.pool = pool;
        this.spreadOut = spreadOut;
        this.usable = new int[pool.size()];
        this.assignedCores = new int[pool.size()];
        this.assignedExecutors = new int[pool.size()];
        this.open = new int[pool.size()];
        this.holds = new boolean[pool.size()];
    }

    /** What one call granted: cores, executors, and the workers they went to. */
    record Granted(int cores, int executors, List<String> workers, boolean searchedEverywhere) {
    }

    /**
     * Grants the application at most {@code coresCap} cores (its own want, cut to its queue's limit or share) and
     * adds one decision per executor to {@code out}, in the order the workers were visited.
     */
    Granted grant(AppAsk ask, int coresCap, List<ExecutorDecision> out) {
        app = ask;
        minCores = ask.minCores();
        oneExecutorPerWorker = ask.oneExecutorPerWorker();
        coresToAssign = Math.min(ask.coresWanted(), coresCap);
        executorsAssigned = 0;
        if (coresToAssign < minCores || ask.executorsAllowed() <= 0) {
            return new Granted(0, 0, List.of(), false);
        }
        Shape shape = ask.shape();
        markHolders(ask, true);
        int count = 0;
        boolean exhausted = true;
        WorkerOrder.Cursor candidates = pool.candidates(shape);
        for (int w = candidates.next(); w >= 0; w = candidates.next()) {
            if (coresToAssign < minCores || executorsAssigned >= ask.executorsAllowed()) {
                exhausted = false;
                break;
            }
            if (!pool.fits(w, shape) || holds[w]) {
                continue;
            }
            int pos = count++;
            usable[pos] = w;
            assignedCores[pos] = 0;
            assignedExecutors[pos] = 0;
            // The first pass is Spark's first pass over the sorted workers, taken as they are met.
            grantOn(pos);
        }
        markHolders(ask, false);
        if (spreadOut) {
            laterPasses(count);
        }
        return launch(count, out, exhausted);
    }

    /** Marks (or clears) the workers ruled out because they run an executor of an application with one per worker. */
    private void markHolders(AppAsk ask, boolean mark) {
        if (!oneExecutorPerWorker) {
            return;
        }
        for (String holder : ask.workersWithExecutor()) {
            int w = pool.indexOf(holder);
            if (w >= 0) {
                holds[w] = mark;
            }
        }
    }

    /** One grant with spread-out, as many as the worker can take without. */
    private void grantOn(int pos) {
        boolean keepGranting = true;
        while (keepGranting && canGrant(pos)) {
            if (startsExecutor(pos)) {
                assignedExecutors[pos]++;
                executorsAssigned++;
            }
            coresToAssign -= minCores;
            assignedCores[pos] += minCores;
            keepGranting = !spreadOut;
        }
    }

    /** Spark's later passes: over the workers that can still take a grant, one each per pass, until none can. */
    private void laterPasses(int count) {
        int openCount = 0;
        for (int pos = 0; pos < count; pos++) {
            if (canGrant(pos)) {
                open[openCount++] = pos;
            }
        }
        while (openCount > 0) {
            for (int i = 0; i < openCount; i++) {
                grantOn(open[i]);
            }
            int stillOpen = 0;
            for (int i = 0; i < openCount; i++) {
                if (canGrant(open[i])) {
                    open[stillOpen++] = open[i];
                }
            }
            openCount = stillOpen;
        }
    }

    /** Spark's {@code canLaunchExecutor}: may the worker at this position take one more grant? */
    private boolean canGrant(int pos) {
        int w = usable[pos];
        if (coresToAssign < minCores || pool.freeCores[w] - assignedCores[pos] < minCores) {
            return false;
        }
        if (!startsExecutor(pos)) {
            // More cores for the executor already granted here: its memory, resources and its place under the
            // executor limit are already counted.
            return true;
        }
        int executors = assignedExecutors[pos];
        if (pool.freeMemory[w] - executors * app.memoryPerExecutorMb() < app.memoryPerExecutorMb()
                || executorsAssigned >= app.executorsAllowed()) {
            return false;
        }
        if (app.resourcesPerExecutor().isEmpty()) {
            return true;
        }
        for (Map.Entry<String, Integer> r : app.resourcesPerExecutor().entrySet()) {
            if (pool.freeAddresses[w].get(r.getKey()).size() - executors * r.getValue() < r.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Would the next grant on this worker start a new executor, rather than grow the one granted there? */
    private boolean startsExecutor(int pos) {
        return !oneExecutorPerWorker || assignedExecutors[pos] == 0;
    }

    /** Turns the cores granted per worker into executors, each with its addresses, charged to the pool. */
    private Granted launch(int count, List<ExecutorDecision> out, boolean searchedEverywhere) {
        int cores = 0;
        int executors = 0;
        // Only an application with one executor per worker needs to know where its executors went.
        List<String> workers = oneExecutorPerWorker ? new ArrayList<>() : List.of();
        for (int pos = 0; pos < count; pos++) {
            if (assignedCores[pos] == 0) {
                continue;
            }
            int w = usable[pos];
            int coresEach = assignedCores[pos] / assignedExecutors[pos];
            for (int e = 0; e < assignedExecutors[pos]; e++) {
                Map<String, List<String>> addresses = pool.allocate(w, coresEach, app.memoryPerExecutorMb(),
                        app.resourcesPerExecutor());
                out.add(new ExecutorDecision(app.appId(), pool.ids[w], coresEach, app.memoryPerExecutorMb(),
                        addresses));
            }
            cores += assignedCores[pos];
            executors += assignedExecutors[pos];
            if (oneExecutorPerWorker) {
                workers.add(pool.ids[w]);
            }
        }
        return new Granted(cores, executors, workers, searchedEverywhere);
    }
}
