package io.drover.master.scheduling.placement;

import java.util.List;
import java.util.Map;

/**
 * A placement decision: launch one executor of this application on this worker, with these resources.
 *
 * @param resourceAddresses the worker's custom resource addresses it gets, by name
 */
public record ExecutorDecision(String appId, String workerId, int cores, long memoryMb,
        Map<String, List<String>> resourceAddresses) {

    public ExecutorDecision(String appId, String workerId, int cores, long memoryMb) {
        this(appId, workerId, cores, memoryMb, Map.of());
    }
}
