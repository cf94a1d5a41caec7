package io.drover.master.scheduling.placement;

import java.util.List;
import java.util.Map;

/**
 * A placement decision: run this driver on this worker.
 *
 * @param resourceAddresses the worker's custom resource addresses it gets, by name
 */
public record DriverDecision(String driverId, String workerId, Map<String, List<String>> resourceAddresses) {

    public DriverDecision(String driverId, String workerId) {
        this(driverId, workerId, Map.of());
    }
}
