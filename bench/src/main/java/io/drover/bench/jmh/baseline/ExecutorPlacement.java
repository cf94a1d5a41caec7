package io.drover.bench.jmh.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Where waiting applications get executors (DESIGN.md §3), as Spark's {@code Master.startExecutorsOnWorkers}
 * and {@code scheduleExecutorsOnWorkers} do it. Applications are served in the order given (submission
 * order), and each one takes what it is granted before the next one looks, so an earlier application is
 * never starved by a later one.
 *
 * <p>For one application the usable workers are those with memory for one executor and at least one
 * executor's worth of free cores (and Spark, for an application whose executors need it) ({@code coresPerExecutor}, or 1 when unset), sorted by free cores, most
 * first, so the emptiest workers are filled first; ties keep the input order so the result is
 * deterministic. The application asks for at most what those workers have free. Cores are then granted in
 * passes over the usable workers: with {@code spreadOut} each worker gets one grant per pass, which spreads
 * an application over as many workers as possible (better data locality, Spark's default); without it a
 * worker takes grants until it cannot before the next one gets any, which packs an application onto few
 * workers. A worker stops taking grants when its cores or its memory run out or when the application's
 * executor limit is reached. Memory is charged per executor, not per core.
 *
 * <p>Each grant is one executor's worth of cores, never a single core (SPARK-8881): granting one core at a
 * time with {@code coresPerExecutor = 3} and {@code maxCores = 6} over workers with 4 free cores would
 * hand out 2 + 2 + 2 cores, no worker would reach 3, and the application would get no executor at all
 * while those cores counted as granted; one executor's worth at a time gives two 3-core executors.
 *
 * <p>When {@code coresPerExecutor} is unset a worker holds at most one executor of the application, which
 * takes all the cores granted there: grants after the first on a worker add cores to that executor, so
 * they need no memory and do not count against the executor limit, and a worker that already runs an
 * executor of the application is not usable at all.
 *
 * <p>A pure function: no clock, no I/O, no shared state, the same input always gives the same decisions,
 * and it never changes its arguments (free resources are tracked on copies).
 */
public final class ExecutorPlacement {

    private ExecutorPlacement() {
    }

    /**
     * @param apps applications that want executors, in the order they should be served (submission order)
     * @param workers alive workers with their free resources at the start of the round
     * @param spreadOut spread each application over as many workers as possible instead of packing it
     * @return one assignment per executor to launch: applications in the order given, and within one
     *         application the workers in the order they were visited (most free cores first)
     */
    public static List<ExecutorAssignment> place(List<PendingApp> apps, List<WorkerCapacity> workers,
            boolean spreadOut) {
        if (apps.isEmpty() || workers.isEmpty()) {
            return List.of();
        }
        Round round = new Round(workers, spreadOut);
        List<ExecutorAssignment> assignments = new ArrayList<>();
        for (PendingApp app : apps) {
            round.place(app, assignments);
        }
        return List.copyOf(assignments);
    }

    /** The free resources left as a round goes on, and scratch space reused from one application to the next. */
    private static final class Round {

        /**
         * Counting sort while the largest free core count is at most this many times the number of workers: it
         * then costs no more than a comparison sort and is several times faster (free core counts are small).
         */
        private static final int COUNTING_SORT_RANGE_PER_WORKER = 16;

        private final boolean spreadOut;
        private final String[] workerIds;
        private final int[] freeCores;
        private final long[] freeMemoryMb;
        private final boolean[] hasSpark;

        /** Usable workers of the current application, as indexes into the arrays above, in input order. */
        private final int[] candidates;
        /** The same workers in visiting order: most free cores first, ties in input order. */
        private final int[] usable;
        /** Positions in {@link #usable} that can still take a grant. */
        private final int[] open;
        private final int[] assignedCores;
        private final int[] assignedExecutors;
        /** Counting sort: one slot per free core count; null when the counts are too spread out for it. */
        private final int[] buckets;
        /** Fallback sort: free cores descending in the high half, the input index (the tie-break) in the low half. */
        private final long[] sortKeys;

        // The application being placed.
        private int minCores;
        private boolean oneExecutorPerWorker;
        private long memoryPerExecutorMb;
        private int executorsAllowed;
        private int coresToAssign;
        private int executorsAssigned;

        Round(List<WorkerCapacity> workers, boolean spreadOut) {
            int count = workers.size();
            this.spreadOut = spreadOut;
            this.workerIds = new String[count];
            this.freeCores = new int[count];
            this.freeMemoryMb = new long[count];
            this.hasSpark = new boolean[count];
            int maxFreeCores = 0;
            for (int i = 0; i < count; i++) {
                WorkerCapacity worker = workers.get(i);
                workerIds[i] = worker.workerId();
                freeCores[i] = worker.free().cores();
                freeMemoryMb[i] = worker.free().memoryMb();
                hasSpark[i] = worker.hasSpark();
                maxFreeCores = Math.max(maxFreeCores, freeCores[i]);
            }
            this.candidates = new int[count];
            this.usable = new int[count];
            this.open = new int[count];
            this.assignedCores = new int[count];
            this.assignedExecutors = new int[count];
            // Free cores only go down during a round, so buckets sized for the start fit every application.
            boolean counting = maxFreeCores <= (long) COUNTING_SORT_RANGE_PER_WORKER * count;
            this.buckets = counting ? new int[maxFreeCores + 1] : null;
            this.sortKeys = counting ? null : new long[count];
        }

        void place(PendingApp app, List<ExecutorAssignment> assignments) {
            oneExecutorPerWorker = app.coresPerExecutor() == null;
            minCores = oneExecutorPerWorker ? 1 : app.coresPerExecutor();
            memoryPerExecutorMb = app.memoryPerExecutorMb();
            executorsAllowed = app.executorsAllowed();
            if (app.coresWanted() < minCores || executorsAllowed <= 0) {
                return;
            }
            int usableCount = findUsableWorkers(app);
            if (usableCount == 0) {
                return;
            }
            grant(usableCount);
            launch(app.appId(), usableCount, assignments);
        }

        /**
         * Fills {@link #usable} with the workers that can take one executor, most free cores first, and sets
         * {@link #coresToAssign}: what the application wants, but no more than those workers have free.
         */
        private int findUsableWorkers(PendingApp app) {
            Set<String> workersWithExecutor = app.workersWithExecutor();
            boolean needsSpark = app.needsSpark();
            int count = 0;
            long usableCores = 0;
            for (int w = 0; w < workerIds.length; w++) {
                if (freeCores[w] >= minCores && freeMemoryMb[w] >= memoryPerExecutorMb
                        && (hasSpark[w] || !needsSpark)
                        && !(oneExecutorPerWorker && workersWithExecutor.contains(workerIds[w]))) {
                    candidates[count++] = w;
                    usableCores += freeCores[w];
                }
            }
            sortByFreeCoresDescending(count);
            for (int pos = 0; pos < count; pos++) {
                assignedCores[pos] = 0;
                assignedExecutors[pos] = 0;
            }
            coresToAssign = (int) Math.min(app.coresWanted(), usableCores);
            executorsAssigned = 0;
            return count;
        }

        /** A stable sort of the candidates into {@link #usable}: ties keep the input order, so rounds are repeatable. */
        private void sortByFreeCoresDescending(int count) {
            if (buckets != null) {
                Arrays.fill(buckets, 0);
                for (int i = 0; i < count; i++) {
                    buckets[freeCores[candidates[i]]]++;
                }
                // Each bucket becomes the first position of its workers: after all workers with more free cores.
                int next = 0;
                for (int cores = buckets.length - 1; cores >= 0; cores--) {
                    int workersWithThisMany = buckets[cores];
                    buckets[cores] = next;
                    next += workersWithThisMany;
                }
                for (int i = 0; i < count; i++) {
                    int w = candidates[i];
                    usable[buckets[freeCores[w]]++] = w;
                }
            } else {
                for (int i = 0; i < count; i++) {
                    int w = candidates[i];
                    sortKeys[i] = ((long) (Integer.MAX_VALUE - freeCores[w]) << 32) | w;
                }
                Arrays.sort(sortKeys, 0, count);
                for (int pos = 0; pos < count; pos++) {
                    usable[pos] = (int) sortKeys[pos];
                }
            }
        }

        /**
         * Spark's grant loop: passes over the workers that can still take a grant, until none can. With
         * spread-out a worker takes one grant per pass; otherwise it takes grants until it cannot.
         */
        private void grant(int usableCount) {
            int openCount = 0;
            for (int pos = 0; pos < usableCount; pos++) {
                if (canGrant(pos)) {
                    open[openCount++] = pos;
                }
            }
            while (openCount > 0) {
                for (int i = 0; i < openCount; i++) {
                    int pos = open[i];
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
            if (coresToAssign < minCores || freeCores[w] - assignedCores[pos] < minCores) {
                return false;
            }
            if (!startsExecutor(pos)) {
                // More cores for the executor already granted here: its memory and its place under the
                // executor limit are already counted.
                return true;
            }
            return freeMemoryMb[w] - assignedExecutors[pos] * memoryPerExecutorMb >= memoryPerExecutorMb
                    && executorsAssigned < executorsAllowed;
        }

        /** Would the next grant on this worker start a new executor, rather than grow the one granted there? */
        private boolean startsExecutor(int pos) {
            return !oneExecutorPerWorker || assignedExecutors[pos] == 0;
        }

        /** Turns the cores granted per worker into executors, and charges them to the workers' free resources. */
        private void launch(String appId, int usableCount, List<ExecutorAssignment> assignments) {
            for (int pos = 0; pos < usableCount; pos++) {
                int cores = assignedCores[pos];
                if (cores == 0) {
                    continue;
                }
                int w = usable[pos];
                int executors = assignedExecutors[pos];
                int coresEach = cores / executors;
                for (int e = 0; e < executors; e++) {
                    assignments.add(new ExecutorAssignment(appId, workerIds[w], coresEach, memoryPerExecutorMb));
                }
                freeCores[w] -= cores;
                freeMemoryMb[w] -= executors * memoryPerExecutorMb;
            }
        }
    }
}
