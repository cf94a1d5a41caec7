package io.drover.examples;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The finished estimate.
 *
 * @param inside points inside the circle, over every partition
 * @param partitionsByExecutor which partitions' results each executor delivered (its label as it sent it),
 *     in the executors' order of name
 */
public record PiResult(int partitions, long samplesPerPartition, long inside, Map<String, List<Integer>> partitionsByExecutor) {

    public PiResult {
        partitionsByExecutor = Map.copyOf(partitionsByExecutor);
    }

    /** Every sample of every partition. */
    public long samples() {
        return partitions * samplesPerPartition;
    }

    public double pi() {
        return samples() == 0 ? Double.NaN : 4.0 * inside / samples();
    }

    /** {@code Pi is roughly 3.14159265 (N inside of M samples over P partitions)}. */
    public String summary() {
        return String.format(Locale.ROOT, "Pi is roughly %.8f (%d inside of %d samples over %d partitions)",
                pi(), inside, samples(), partitions);
    }

    /** One line per executor: {@code <label>: <partitions>}, sorted by label. */
    public List<String> contributions() {
        return partitionsByExecutor.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + ": " + entry.getValue().size() + " partition"
                        + (entry.getValue().size() == 1 ? "" : "s") + " " + entry.getValue())
                .toList();
    }
}
