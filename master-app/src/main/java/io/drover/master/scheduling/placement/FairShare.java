package io.drover.master.scheduling.placement;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each queue's weighted share of the cluster's cores: the queues that have work (cores held, or something
 * waiting) split the cores of the alive workers in proportion to their weights, as YARN's fair scheduler splits a
 * cluster among its active queues. A queue without work has no share and takes none from the others.
 */
public final class FairShare {

    private FairShare() {
    }

    /**
     * @param activeWeights the weight of every queue that has work, by name
     * @return the share of each, in cores (fractions kept), in the order given
     */
    public static Map<String, Double> of(Map<String, Integer> activeWeights, int clusterCores) {
        long total = 0;
        for (int weight : activeWeights.values()) {
            total += weight;
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> queue : activeWeights.entrySet()) {
            shares.put(queue.getKey(), total == 0 ? 0 : (double) clusterCores * queue.getValue() / total);
        }
        return shares;
    }
}
