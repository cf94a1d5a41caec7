package io.drover.master.state.model;

import io.drover.protocol.resources.ResourceAddresses;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A worker's custom resources: the addresses it offers, by name, and those assigned to its drivers and executors
 * that have not ended. An address is never assigned to two of them at once.
 */
public record CustomResources(Map<String, List<String>> offered, Map<String, List<String>> used) {

    public static final CustomResources NONE = new CustomResources(Map.of(), Map.of());

    public CustomResources {
        offered = ResourceAddresses.copyOf(offered);
        used = ResourceAddresses.copyOf(used);
    }

    public static CustomResources offering(Map<String, List<String>> offered) {
        return offered.isEmpty() ? NONE : new CustomResources(offered, Map.of());
    }

    /** The addresses no child holds, for every name offered: all of a name in use leaves it with an empty list. */
    public Map<String, List<String>> free() {
        Map<String, List<String>> free = new LinkedHashMap<>();
        Map<String, List<String>> left = ResourceAddresses.minus(offered, used);
        offered.keySet().forEach(name -> free.put(name, left.getOrDefault(name, List.of())));
        return Collections.unmodifiableMap(free);
    }

    public CustomResources assign(Map<String, List<String>> addresses) {
        return addresses.isEmpty() ? this : new CustomResources(offered, ResourceAddresses.plus(used, addresses));
    }

    public CustomResources release(Map<String, List<String>> addresses) {
        return addresses.isEmpty() ? this : new CustomResources(offered, ResourceAddresses.minus(used, addresses));
    }

    /** A new offer (the worker registered again); what is assigned stays assigned. */
    public CustomResources reoffered(Map<String, List<String>> next) {
        return new CustomResources(next, used);
    }

    /** Nothing assigned: what a worker with no work holds. */
    public CustomResources unused() {
        return used.isEmpty() ? this : new CustomResources(offered, Map.of());
    }
}
