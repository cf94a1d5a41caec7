package io.drover.master.scheduling.placement;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The queues during one round: the cores each holds (its work's, plus what the round gives it), its limit, and
 * whose turn it is. Across queues the queue furthest below its weighted share goes next: the one holding the
 * fewest cores per unit of weight (ties: the heavier, then by name). Inside a queue, higher priority first, then
 * the older. Nothing held is ever taken back (no preemption).
 */
final class QueueBook {

    /** Inside a queue: higher priority first, then submission order. */
    static final Comparator<DriverAsk> DRIVER_ORDER = Comparator.comparingInt(DriverAsk::priority).reversed()
            .thenComparingLong(DriverAsk::seq);
    static final Comparator<AppAsk> APP_ORDER = Comparator.comparingInt(AppAsk::priority).reversed()
            .thenComparingLong(AppAsk::seq);

    private static final class Queue {
        final String name;
        final int weight;
        final Integer maxCores;
        int held;

        Queue(String name, int weight, Integer maxCores, int held) {
            this.name = name;
            this.weight = weight;
            this.maxCores = maxCores;
            this.held = held;
        }

        double level() {
            return (double) held / weight;
        }
    }

    private final Map<String, Queue> queues = new LinkedHashMap<>();

    QueueBook(List<QueueState> states) {
        for (QueueState state : states) {
            queues.put(state.name(), new Queue(state.name(), state.weight(), state.maxCores(), state.coresHeld()));
        }
    }

    /** A queue named by work but not configured (any more) counts with weight 1 and no limit. */
    private Queue queue(String name) {
        return queues.computeIfAbsent(name, n -> new Queue(n, 1, null, 0));
    }

    /** The asks sorted into one line per queue, each in its queue's order. */
    <T> Map<String, ArrayDeque<T>> lines(List<T> asks, Function<T, String> queueOf, Comparator<T> order) {
        Map<String, ArrayDeque<T>> lines = new LinkedHashMap<>();
        asks.stream().sorted(order).forEach(ask -> {
            String name = queue(queueOf.apply(ask)).name;
            lines.computeIfAbsent(name, n -> new ArrayDeque<>()).add(ask);
        });
        return lines;
    }

    /** The queue whose turn it is among those with something in line, or null when every line is empty. */
    <T> String next(Map<String, ArrayDeque<T>> lines) {
        Queue best = null;
        for (Map.Entry<String, ArrayDeque<T>> line : lines.entrySet()) {
            if (line.getValue().isEmpty()) {
                continue;
            }
            Queue q = queues.get(line.getKey());
            if (best == null || q.level() < best.level()
                    || (q.level() == best.level() && (q.weight > best.weight
                            || (q.weight == best.weight && q.name.compareTo(best.name) < 0)))) {
                best = q;
            }
        }
        return best == null ? null : best.name;
    }

    /** Whether a queue other than {@code name} still has something in line. */
    <T> boolean othersWaiting(Map<String, ArrayDeque<T>> lines, String name) {
        for (Map.Entry<String, ArrayDeque<T>> line : lines.entrySet()) {
            if (!line.getKey().equals(name) && !line.getValue().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Cores the queue may still take under its limit. */
    int room(String name) {
        Queue q = queue(name);
        return q.maxCores == null ? Integer.MAX_VALUE : Math.max(0, q.maxCores - q.held);
    }

    Integer maxCores(String name) {
        return queue(name).maxCores;
    }

    int held(String name) {
        return queue(name).held;
    }

    void hold(String name, int cores) {
        queue(name).held += cores;
    }

    /** The weights of the queues that hold cores or have something in line: those that share the cluster. */
    <T> Map<String, Integer> activeWeights(Map<String, ArrayDeque<T>> lines) {
        Map<String, Integer> active = new LinkedHashMap<>();
        for (Queue q : queues.values()) {
            ArrayDeque<T> line = lines.get(q.name);
            if (q.held > 0 || (line != null && !line.isEmpty())) {
                active.put(q.name, q.weight);
            }
        }
        return active;
    }
}
