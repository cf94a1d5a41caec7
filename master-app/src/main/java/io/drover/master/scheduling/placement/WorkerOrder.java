package io.drover.master.scheduling.placement;

import java.util.BitSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The workers with a free core (every ask needs one) in a worker selection policy's order, kept up to date as a
 * round allocates. A search walks them lazily from the first that may have room and stops where none further can.
 * The cores policies keep one bit set of worker ranks per free core count, and the id policy one bit set, so
 * moving a worker is two bit flips and a walk allocates nothing; the memory policies keep a sorted set.
 *
 * <p>Ties on the key go to the smaller worker id when ascending and to the larger when descending, as Spark's
 * {@code sortBy((key, id))} and its reverse give them.
 */
sealed interface WorkerOrder {

    /** A walk over the workers in order; -1 at the end. */
    interface Cursor {
        int next();
    }

    void add(int w);

    void remove(int w);

    /** The workers that may have one executor of {@code minCores} and {@code memoryMb} free, in order. */
    Cursor from(int minCores, long memoryMb);

    /** The same order between any two workers, for sorting a few of them (those with a custom resource). */
    Comparator<Integer> comparator();

    /** A walk over workers already in order. */
    static Cursor over(int[] workers) {
        return new Cursor() {
            private int next;

            @Override
            public int next() {
                return next < workers.length ? workers[next++] : -1;
            }
        };
    }

    static WorkerOrder of(WorkerSelectionPolicy policy, int[] freeCores, long[] freeMemory, int[] idRank,
            int[] byRank) {
        int most = 0;
        for (int w = 0; w < byRank.length; w++) {
            most = Math.max(most, freeCores[w]);
        }
        // A bucket per core count while there are not many more counts than workers; free cores only shrink.
        boolean buckets = most <= 16L * Math.max(1, byRank.length);
        return switch (policy) {
            case CORES_FREE_DESC, CORES_FREE_ASC -> buckets
                    ? new ByCores(policy == WorkerSelectionPolicy.CORES_FREE_DESC, most, freeCores, idRank, byRank)
                    : new Sorted(policy, freeCores, freeMemory, idRank);
            case WORKER_ID -> new ById(idRank, byRank);
            case MEMORY_FREE_DESC, MEMORY_FREE_ASC -> new Sorted(policy, freeCores, freeMemory, idRank);
        };
    }

    /** One bit set of worker id ranks per free core count, and one of the counts that have workers. */
    final class ByCores implements WorkerOrder {

        @Override
        public Comparator<Integer> comparator() {
            Comparator<Integer> ascending = Comparator.<Integer>comparingInt(w -> freeCores[w])
                    .thenComparingInt(w -> idRank[w]);
            return descending ? ascending.reversed() : ascending;
        }

        private final boolean descending;
        private final int[] freeCores;
        private final int[] idRank;
        private final int[] byRank;
        private final BitSet[] ranksByCores;
        private final BitSet countsInUse = new BitSet();

        ByCores(boolean descending, int most, int[] freeCores, int[] idRank, int[] byRank) {
            this.descending = descending;
            this.freeCores = freeCores;
            this.idRank = idRank;
            this.byRank = byRank;
            this.ranksByCores = new BitSet[most + 1];
        }

        @Override
        public void add(int w) {
            int cores = freeCores[w];
            if (ranksByCores[cores] == null) {
                ranksByCores[cores] = new BitSet(byRank.length);
            }
            ranksByCores[cores].set(idRank[w]);
            countsInUse.set(cores);
        }

        @Override
        public void remove(int w) {
            int cores = freeCores[w];
            BitSet ranks = ranksByCores[cores];
            ranks.clear(idRank[w]);
            if (ranks.isEmpty()) {
                countsInUse.clear(cores);
            }
        }

        @Override
        public Cursor from(int minCores, long memoryMb) {
            return new Cursor() {
                private int cores = descending ? countsInUse.length() - 1 : countsInUse.nextSetBit(minCores);
                private int rank = -2;

                @Override
                public int next() {
                    while (cores >= minCores) {
                        BitSet ranks = ranksByCores[cores];
                        if (ranks != null) {
                            rank = rank == -2 ? (descending ? ranks.length() - 1 : ranks.nextSetBit(0))
                                    : (descending ? ranks.previousSetBit(rank - 1) : ranks.nextSetBit(rank + 1));
                            if (rank >= 0) {
                                return byRank[rank];
                            }
                        }
                        cores = descending ? countsInUse.previousSetBit(cores - 1) : countsInUse.nextSetBit(cores + 1);
                        rank = -2;
                    }
                    return -1;
                }
            };
        }
    }

    /** The workers by id: one bit set of ranks. */
    final class ById implements WorkerOrder {

        @Override
        public Comparator<Integer> comparator() {
            return Comparator.comparingInt(w -> idRank[w]);
        }

        private final int[] idRank;
        private final int[] byRank;
        private final BitSet ranks = new BitSet();

        ById(int[] idRank, int[] byRank) {
            this.idRank = idRank;
            this.byRank = byRank;
        }

        @Override
        public void add(int w) {
            ranks.set(idRank[w]);
        }

        @Override
        public void remove(int w) {
            ranks.clear(idRank[w]);
        }

        @Override
        public Cursor from(int minCores, long memoryMb) {
            return new Cursor() {
                private int rank = -1;

                @Override
                public int next() {
                    rank = ranks.nextSetBit(rank + 1);
                    return rank < 0 ? -1 : byRank[rank];
                }
            };
        }
    }

    /**
     * A sorted set, for the memory policies (free memory takes too many values for buckets) and for cores counts
     * far above the number of workers. A search that ascends starts from a probe: the slot past the last worker,
     * set to the need, sorting before every real worker with the same key.
     */
    final class Sorted implements WorkerOrder {
        private final WorkerSelectionPolicy policy;
        private final int[] freeCores;
        private final long[] freeMemory;
        private final int probe;
        private final NavigableSet<Integer> ranked;
        private final Comparator<Integer> order;

        Sorted(WorkerSelectionPolicy policy, int[] freeCores, long[] freeMemory, int[] idRank) {
            this.policy = policy;
            this.freeCores = freeCores;
            this.freeMemory = freeMemory;
            this.probe = idRank.length - 1;
            idRank[probe] = -1;
            Comparator<Integer> byKey = switch (policy) {
                case CORES_FREE_ASC, CORES_FREE_DESC -> Comparator.comparingInt(w -> freeCores[w]);
                default -> Comparator.comparingLong(w -> freeMemory[w]);
            };
            Comparator<Integer> ascending = byKey.thenComparingInt(w -> idRank[w]);
            this.order = policy == WorkerSelectionPolicy.CORES_FREE_DESC
                    || policy == WorkerSelectionPolicy.MEMORY_FREE_DESC ? ascending.reversed() : ascending;
            this.ranked = new TreeSet<>(order);
        }

        @Override
        public Comparator<Integer> comparator() {
            return order;
        }

        @Override
        public void add(int w) {
            ranked.add(w);
        }

        @Override
        public void remove(int w) {
            ranked.remove(w);
        }

        @Override
        public Cursor from(int minCores, long memoryMb) {
            Iterator<Integer> walk = switch (policy) {
                case CORES_FREE_ASC -> {
                    freeCores[probe] = minCores;
                    yield ranked.tailSet(probe, false).iterator();
                }
                case MEMORY_FREE_ASC -> {
                    freeMemory[probe] = memoryMb;
                    yield ranked.tailSet(probe, false).iterator();
                }
                default -> ranked.iterator();
            };
            return () -> {
                if (!walk.hasNext()) {
                    return -1;
                }
                int w = walk.next();
                boolean belowOnKey = switch (policy) {
                    case CORES_FREE_DESC -> freeCores[w] < minCores;
                    case MEMORY_FREE_DESC -> freeMemory[w] < memoryMb;
                    default -> false;
                };
                return belowOnKey ? -1 : w;
            };
        }
    }
}
