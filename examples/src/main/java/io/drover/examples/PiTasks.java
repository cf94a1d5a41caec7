package io.drover.examples;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Which partitions still need a result, for a driver handing them out to executors. Fresh partitions go out
 * first, in order; once none is left, the partitions handed out but not answered go out again, the one
 * handed out longest ago first, so a partition whose executor died is not lost (and a slow one gets a
 * second, speculative copy). The first result of a partition counts; duplicates are ignored, which is safe
 * because every copy computes the same number. Thread-safe.
 */
final class PiTasks {

    private final int partitions;
    private final long samplesPerPartition;
    private final long[] inside;
    private final String[] resultBy;
    /** Handed out and not answered, in order of their last hand-out. */
    private final LinkedHashSet<Integer> outstanding = new LinkedHashSet<>();
    private int nextFresh;
    private int completed;

    PiTasks(int partitions, long samplesPerPartition) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        if (samplesPerPartition < 1) {
            throw new IllegalArgumentException("samplesPerPartition must be at least 1: " + samplesPerPartition);
        }
        this.partitions = partitions;
        this.samplesPerPartition = samplesPerPartition;
        this.inside = new long[partitions];
        this.resultBy = new String[partitions];
    }

    int partitions() {
        return partitions;
    }

    long samplesPerPartition() {
        return samplesPerPartition;
    }

    /** The partition to work on next, or empty when every partition has a result. */
    synchronized OptionalInt next() {
        while (nextFresh < partitions && resultBy[nextFresh] != null) {
            nextFresh++;
        }
        if (nextFresh < partitions) {
            int partition = nextFresh++;
            outstanding.add(partition);
            return OptionalInt.of(partition);
        }
        Iterator<Integer> oldest = outstanding.iterator();
        if (!oldest.hasNext()) {
            return OptionalInt.empty();
        }
        int partition = oldest.next();
        oldest.remove();
        outstanding.add(partition);
        return OptionalInt.of(partition);
    }

    /**
     * Records a partition's count; returns false (and changes nothing) when it already had one.
     *
     * @param by who computed it, for the report
     * @throws IllegalArgumentException for a partition or count out of range
     */
    synchronized boolean complete(int partition, long count, String by) {
        if (partition < 0 || partition >= partitions) {
            throw new IllegalArgumentException("partition must be from 0 to " + (partitions - 1) + ": " + partition);
        }
        if (count < 0 || count > samplesPerPartition) {
            throw new IllegalArgumentException("count must be from 0 to " + samplesPerPartition + ": " + count);
        }
        if (resultBy[partition] != null) {
            return false;
        }
        inside[partition] = count;
        resultBy[partition] = by == null || by.isBlank() ? "unknown" : by;
        outstanding.remove(partition);
        completed++;
        return true;
    }

    synchronized int completed() {
        return completed;
    }

    synchronized boolean isDone() {
        return completed == partitions;
    }

    /** The estimate, once every partition has a result. */
    synchronized PiResult result() {
        if (!isDone()) {
            throw new IllegalStateException(completed + " of " + partitions + " partitions have a result");
        }
        long total = 0;
        Map<String, List<Integer>> byExecutor = new TreeMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            total += inside[partition];
            byExecutor.computeIfAbsent(resultBy[partition], by -> new ArrayList<>()).add(partition);
        }
        byExecutor.replaceAll((by, list) -> List.copyOf(list));
        return new PiResult(partitions, samplesPerPartition, total, byExecutor);
    }
}
