package io.drover.master.scheduling.placement;

import io.drover.protocol.Scheduling;
import io.drover.protocol.resources.ResourceAddresses;
import io.drover.protocol.resources.Resources;
import java.util.Map;
import java.util.Objects;

/**
 * A driver that waits for a worker, and what it needs.
 *
 * @param seq its submission order: older first among equal priorities
 * @param resources custom resources it needs, amounts by name
 * @param requiredAttributes worker attributes it needs, by name; an empty value means any value
 */
public record DriverAsk(String driverId, String queue, int priority, long seq, Resources demand,
        Map<String, Integer> resources, Map<String, String> requiredAttributes) {

    public DriverAsk {
        Objects.requireNonNull(driverId, "driverId");
        Objects.requireNonNull(demand, "demand");
        queue = queue == null ? Scheduling.DEFAULT_QUEUE : queue;
        resources = ResourceAddresses.copyOfAmounts(resources);
        requiredAttributes = requiredAttributes == null ? Map.of() : Map.copyOf(requiredAttributes);
    }

    /** A driver of the default queue at priority 0 that needs cores and memory only. */
    public static DriverAsk of(String driverId, long seq, Resources demand) {
        return new DriverAsk(driverId, Scheduling.DEFAULT_QUEUE, 0, seq, demand, Map.of(), Map.of());
    }

    Shape shape() {
        return new Shape(demand.cores(), demand.memoryMb(), resources, requiredAttributes);
    }
}
