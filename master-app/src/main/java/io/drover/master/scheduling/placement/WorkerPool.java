package io.drover.master.scheduling.placement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeSet;

/**
 * The workers that may take new work in one round and what they have left as the round goes on: the feasibility
 * filters that do not depend on the ask ({@link Feasibility#leftOutBecause}) are applied once, here, and what
 * remains is kept in the worker selection policy's order, so an ask visits the workers that may have room first
 * and stops as soon as none further can. Free resources only shrink during a round.
 *
 * <p>Round-local and mutable; built from, and never writing to, the immutable offers.
 */
final class WorkerPool {

    private final int size;
    final String[] ids;
    final int[] freeCores;
    final long[] freeMemory;
    final Map<String, List<String>>[] freeAddresses;
    final Map<String, String>[] attributes;
    /** Each worker's place in worker id order; the last slot belongs to the probe used to start a search. */
    private final int[] idRank;
    private final WorkerSelectionPolicy policy;
    /** The workers with a free core (every ask needs one), in the policy's order. */
    private final NavigableSet<Integer> ranked;
    private final Map<String, Integer> leftOut = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    WorkerPool(List<WorkerOffer> offers, WorkerSelectionPolicy policy) {
        List<WorkerOffer> kept = new ArrayList<>(offers.size());
        for (WorkerOffer offer : offers) {
            String reason = Feasibility.leftOutBecause(offer);
            if (reason == null) {
                kept.add(offer);
            } else {
                leftOut.merge(reason, 1, Integer::sum);
            }
        }
        size = kept.size();
        ids = new String[size];
        freeCores = new int[size + 1];
        freeMemory = new long[size + 1];
        freeAddresses = new Map[size];
        attributes = new Map[size];
        idRank = new int[size + 1];
        for (int w = 0; w < size; w++) {
            WorkerOffer offer = kept.get(w);
            ids[w] = offer.workerId();
            freeCores[w] = offer.free().cores();
            freeMemory[w] = offer.free().memoryMb();
            freeAddresses[w] = offer.freeAddresses();
            attributes[w] = offer.attributes();
        }
        List<Integer> byId = inIdOrder();
        for (int rank = 0; rank < size; rank++) {
            idRank[byId.get(rank)] = rank;
        }
        idRank[size] = -1;
        this.policy = policy;
        this.ranked = new TreeSet<>(order(policy));
        for (int w = 0; w < size; w++) {
            if (freeCores[w] > 0) {
                ranked.add(w);
            }
        }
    }

    int size() {
        return size;
    }

    /** How many alive workers were left out, by why ("draining", "unhealthy"), in the order first met. */
    Map<String, Integer> leftOut() {
        return Collections.unmodifiableMap(leftOut);
    }

    /** The workers by id, ascending: the order Spark places drivers in without spread-out. */
    List<Integer> inIdOrder() {
        List<Integer> order = new ArrayList<>(size);
        for (int w = 0; w < size; w++) {
            order.add(w);
        }
        order.sort(Comparator.comparing(w -> ids[w]));
        return order;
    }

    /** Every worker in an order shuffled from {@code seed}: the order Spark visits them in for drivers. */
    List<Integer> shuffled(long seed) {
        List<Integer> order = new ArrayList<>(size);
        for (int w = 0; w < size; w++) {
            order.add(w);
        }
        Collections.shuffle(order, new Random(seed));
        return order;
    }

    boolean fits(int w, Shape shape) {
        return shape.fits(freeCores[w], freeMemory[w], freeAddresses[w], attributes[w]);
    }

    /**
     * The workers that may have room for one executor of {@code minCores} and {@code memoryMb}, in the policy's
     * order: a descending policy stops at the first worker below the need on its key, an ascending one starts at
     * the first that meets it. The caller still checks each worker in full, and must not allocate while it
     * iterates.
     */
    Iterator<Integer> candidates(int minCores, long memoryMb) {
        Iterator<Integer> from = switch (policy) {
            case CORES_FREE_ASC -> {
                freeCores[size] = minCores;
                yield ranked.tailSet(size, true).iterator();
            }
            case MEMORY_FREE_ASC -> {
                freeMemory[size] = memoryMb;
                yield ranked.tailSet(size, true).iterator();
            }
            default -> ranked.iterator();
        };
        return new Iterator<>() {
            private int next = advance();

            private int advance() {
                while (from.hasNext()) {
                    int w = from.next();
                    if (w == size) {
                        continue; // the probe itself
                    }
                    boolean belowOnKey = switch (policy) {
                        case CORES_FREE_DESC -> freeCores[w] < minCores;
                        case MEMORY_FREE_DESC -> freeMemory[w] < memoryMb;
                        default -> false;
                    };
                    return belowOnKey ? -1 : w;
                }
                return -1;
            }

            @Override
            public boolean hasNext() {
                return next >= 0;
            }

            @Override
            public Integer next() {
                if (next < 0) {
                    throw new NoSuchElementException();
                }
                int w = next;
                next = advance();
                return w;
            }
        };
    }

    /**
     * Gives one driver or executor its cores, memory and the first free addresses of each resource it asks for,
     * and keeps the worker in its place in the policy's order.
     *
     * @return the addresses it got, by name
     */
    Map<String, List<String>> allocate(int w, int cores, long memoryMb, Map<String, Integer> resources) {
        ranked.remove(w);
        freeCores[w] -= cores;
        freeMemory[w] -= memoryMb;
        Map<String, List<String>> taken = Map.of();
        if (!resources.isEmpty()) {
            Map<String, List<String>> left = new LinkedHashMap<>(freeAddresses[w]);
            Map<String, List<String>> got = new LinkedHashMap<>();
            resources.forEach((name, amount) -> {
                List<String> free = left.get(name);
                got.put(name, List.copyOf(free.subList(0, amount)));
                left.put(name, List.copyOf(free.subList(amount, free.size())));
            });
            freeAddresses[w] = left;
            taken = Collections.unmodifiableMap(got);
        }
        if (freeCores[w] > 0) {
            ranked.add(w);
        }
        return taken;
    }

    /**
     * Spark sorts by {@code (key, id)} and reverses for the descending policies: ties go to the smaller id when
     * ascending, to the larger when descending.
     */
    private Comparator<Integer> order(WorkerSelectionPolicy policy) {
        return switch (policy) {
            case CORES_FREE_ASC -> (a, b) -> a.equals(b) ? 0 : freeCores[a] != freeCores[b]
                    ? Integer.compare(freeCores[a], freeCores[b]) : Integer.compare(idRank[a], idRank[b]);
            case CORES_FREE_DESC -> (a, b) -> a.equals(b) ? 0 : freeCores[a] != freeCores[b]
                    ? Integer.compare(freeCores[b], freeCores[a]) : Integer.compare(idRank[b], idRank[a]);
            case MEMORY_FREE_ASC -> (a, b) -> a.equals(b) ? 0 : freeMemory[a] != freeMemory[b]
                    ? Long.compare(freeMemory[a], freeMemory[b]) : Integer.compare(idRank[a], idRank[b]);
            case MEMORY_FREE_DESC -> (a, b) -> a.equals(b) ? 0 : freeMemory[a] != freeMemory[b]
                    ? Long.compare(freeMemory[b], freeMemory[a]) : Integer.compare(idRank[b], idRank[a]);
            case WORKER_ID -> (a, b) -> Integer.compare(idRank[a], idRank[b]);
        };
    }
}
