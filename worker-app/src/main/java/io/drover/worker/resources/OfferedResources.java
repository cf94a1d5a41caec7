package io.drover.worker.resources;

import io.drover.worker.config.SchedulingProperties;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The custom resources this worker offers, found once at start (a bad offer fails the start, naming its key). */
@Component
public class OfferedResources {

    private static final Logger log = LoggerFactory.getLogger(OfferedResources.class);

    private final Map<String, List<String>> addresses;

    @Autowired
    OfferedResources(SchedulingProperties properties, JsonMapper json) {
        this(new ResourceDiscovery(json).discover(properties.resources()));
    }

    OfferedResources(Map<String, List<String>> addresses) {
        this.addresses = addresses;
        if (!addresses.isEmpty()) {
            log.info("Offering custom resources {}", addresses);
        }
    }

    /** Addresses by name, in the order discovered; empty when the worker offers none. */
    public Map<String, List<String>> addresses() {
        return addresses;
    }

    /**
     * The addresses in {@code assigned} that this worker does not offer, as {@code name:address}; empty when it
     * offers them all.
     */
    public List<String> notOffered(Map<String, List<String>> assigned) {
        return compare(assigned, addresses, false);
    }

    /**
     * The addresses in {@code assigned} that {@code used} already holds, as {@code name:address}: the master never
     * assigns one twice, so this is a launch that overtook the end of the child before it (after a failover).
     */
    public List<String> held(Map<String, List<String>> used, Map<String, List<String>> assigned) {
        return compare(assigned, used, true);
    }

    /** The addresses of {@code assigned} that are ({@code in}) or are not in {@code set}, as {@code name:address}. */
    private static List<String> compare(Map<String, List<String>> assigned, Map<String, List<String>> set,
            boolean in) {
        List<String> found = new ArrayList<>();
        assigned.forEach((name, wanted) -> {
            Set<String> there = new HashSet<>(set.getOrDefault(name, List.of()));
            wanted.stream().filter(address -> there.contains(address) == in).forEach(a -> found.add(name + ":" + a));
        });
        return found;
    }
}
