package io.drover.master.scheduling.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The workers that may take new work in one round and what they have left as the round goes on: the feasibility
 * filters that do not depend on the ask ({@link Feasibility#leftOutBecause}) are applied once, here, and what
 * remains is kept in the worker selection policy's order ({@link WorkerOrder}), so an ask visits the workers that
 * may have room first and stops as soon as none further can. Free resources only shrink during a round.
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
    /** The workers with a free core (every ask needs one), in the policy's order. */
    private final WorkerOrder order;
    private final Map<String, Integer> leftOut = new LinkedHashMap<>();
    /** The workers that offered each custom resource at the start of the round: few, so asks for one walk only them. */
    private final Map<String, int[]> offering = new HashMap<>();
    private final Map<String, Integer> indexOf = new HashMap<>();

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
        // Each worker's place in worker id order, and the worker at each place; the last slot is a search's probe.
        int[] idRank = new int[size + 1];
        int[] byRank = new int[size];
        for (int w = 0; w < size; w++) {
            WorkerOffer offer = kept.get(w);
            ids[w] = offer.workerId();
            freeCores[w] = offer.free().cores();
            freeMemory[w] = offer.free().memoryMb();
            freeAddresses[w] = offer.freeAddresses();
            attributes[w] = offer.attributes();
            indexOf.put(ids[w], w);
        }
        List<Integer> byId = inIdOrder();
        for (int rank = 0; rank < size; rank++) {
            idRank[byId.get(rank)] = rank;
            byRank[rank] = byId.get(rank);
        }
        this.order = WorkerOrder.of(policy, freeCores, freeMemory, idRank, byRank);
        Map<String, List<Integer>> holders = new HashMap<>();
        for (int w = 0; w < size; w++) {
            for (String name : freeAddresses[w].keySet()) {
                holders.computeIfAbsent(name, n -> new ArrayList<>()).add(w);
            }
        }
        holders.forEach((name, list) -> offering.put(name, list.stream().mapToInt(Integer::intValue).toArray()));
        for (int w = 0; w < size; w++) {
            if (freeCores[w] > 0) {
                order.add(w);
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

    /** A worker's index in this pool, or -1 when it is not here (not alive, or left out). */
    int indexOf(String workerId) {
        return indexOf.getOrDefault(workerId, -1);
    }

    boolean fits(int w, Shape shape) {
        return shape.fits(freeCores[w], freeMemory[w], freeAddresses[w], attributes[w]);
    }

    /**
     * The workers that may have room for one executor of {@code minCores} and {@code memoryMb}, in the policy's
     * order (see {@link WorkerOrder}). The caller still checks each worker in full, and must not allocate while it
     * walks.
     */
    WorkerOrder.Cursor candidates(int minCores, long memoryMb) {
        return order.from(minCores, memoryMb);
    }

    /**
     * As {@link #candidates(int, long)} for an ask; one that needs a custom resource walks only the workers that
     * offered it, sorted into the policy's order now (a search over every worker would pass thousands without it).
     */
    WorkerOrder.Cursor candidates(Shape shape) {
        if (shape.resources().isEmpty()) {
            return order.from(shape.cores(), shape.memoryMb());
        }
        int[] few = offering(shape);
        Integer[] sorted = new Integer[few.length];
        int count = 0;
        for (int w : few) {
            if (freeCores[w] >= shape.cores()) {
                sorted[count++] = w;
            }
        }
        Arrays.sort(sorted, 0, count, order.comparator());
        int[] walk = new int[count];
        for (int i = 0; i < count; i++) {
            walk[i] = sorted[i];
        }
        return WorkerOrder.over(walk);
    }

    /** The workers that offered every custom resource the shape needs (as the round began); maybe none. */
    int[] offering(Shape shape) {
        int[] fewest = null;
        for (String name : shape.resources().keySet()) {
            int[] holders = offering.getOrDefault(name, new int[0]);
            if (fewest == null || holders.length < fewest.length) {
                fewest = holders;
            }
        }
        return fewest == null ? new int[0] : fewest;
    }

    /**
     * Gives one driver or executor its cores, memory and the first free addresses of each resource it asks for,
     * and keeps the worker in its place in the policy's order.
     *
     * @return the addresses it got, by name
     */
    Map<String, List<String>> allocate(int w, int cores, long memoryMb, Map<String, Integer> resources) {
        order.remove(w);
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
            order.add(w);
        }
        return taken;
    }
}
