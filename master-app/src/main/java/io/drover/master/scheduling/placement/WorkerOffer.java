package io.drover.master.scheduling.placement;

import io.drover.protocol.resources.Resources;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An alive worker and what it has free at the start of a round.
 *
 * @param freeAddresses the addresses of its custom resources no driver or executor holds, by name: every name it
 *     offers, with an empty list when all of that name are in use
 * @param attributes what it registered itself as; an ask may require some
 * @param draining it is being decommissioned: it takes no new work
 * @param unhealthyReason why it is left out of placement for its own problem; null while healthy
 */
public record WorkerOffer(String workerId, Resources free, Map<String, List<String>> freeAddresses,
        Map<String, String> attributes, boolean draining, String unhealthyReason) {

    public WorkerOffer {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(free, "free");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        (freeAddresses == null ? Map.<String, List<String>>of() : freeAddresses)
                .forEach((name, addresses) -> copy.put(name, List.copyOf(addresses)));
        freeAddresses = Collections.unmodifiableMap(copy);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A healthy worker with cores and memory only. */
    public static WorkerOffer of(String workerId, Resources free) {
        return new WorkerOffer(workerId, free, Map.of(), Map.of(), false, null);
    }

    public WorkerOffer withAddresses(Map<String, List<String>> addresses) {
        return new WorkerOffer(workerId, free, addresses, attributes, draining, unhealthyReason);
    }

    public WorkerOffer withAttributes(Map<String, String> values) {
        return new WorkerOffer(workerId, free, freeAddresses, values, draining, unhealthyReason);
    }

    public WorkerOffer drainingNow() {
        return new WorkerOffer(workerId, free, freeAddresses, attributes, true, unhealthyReason);
    }

    public WorkerOffer unhealthy(String reason) {
        return new WorkerOffer(workerId, free, freeAddresses, attributes, draining, reason);
    }
}
