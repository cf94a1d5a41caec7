package io.drover.master.scheduling.placement;

import java.util.List;
import java.util.Map;

/**
 * What one driver or one executor needs of a single worker. Free resources only shrink during a round, so once
 * no worker has room for a shape, none has room for a shape that needs as much or more of everything: the round
 * remembers such shapes and skips the search for what they dominate.
 */
record Shape(int cores, long memoryMb, Map<String, Integer> resources, Map<String, String> attributes) {

    /** Whether this shape needs at least as much as {@code other} in every respect. */
    boolean needsAtLeast(Shape other) {
        if (cores < other.cores || memoryMb < other.memoryMb) {
            return false;
        }
        for (Map.Entry<String, Integer> r : other.resources.entrySet()) {
            if (resources.getOrDefault(r.getKey(), 0) < r.getValue()) {
                return false;
            }
        }
        return Feasibility.hasAttributes(attributes, other.attributes);
    }

    /** Whether a worker with these free resources and attributes has room for it. */
    boolean fits(int freeCores, long freeMemoryMb, Map<String, List<String>> freeAddresses,
            Map<String, String> workerAttributes) {
        // Most asks need cores and memory only: no map is walked for them.
        return freeCores >= cores && freeMemoryMb >= memoryMb
                && (resources.isEmpty() || coversResources(freeAddresses))
                && (attributes.isEmpty() || Feasibility.hasAttributes(workerAttributes, attributes));
    }

    boolean coversResources(Map<String, List<String>> freeAddresses) {
        for (Map.Entry<String, Integer> r : resources.entrySet()) {
            List<String> free = freeAddresses.get(r.getKey());
            if (free == null || free.size() < r.getValue()) {
                return false;
            }
        }
        return true;
    }
}
