package io.drover.master.scheduling.placement;

import java.util.Map;

/**
 * The feasibility filters that do not depend on free resources (Nomad's feasibility checkers): which workers may
 * take new work at all, and whether a worker has the attributes an ask requires. Resource fit is {@link Shape}'s.
 */
final class Feasibility {

    private Feasibility() {
    }

    /** Why a worker takes no new work this round, or null when it may: being decommissioned, or unhealthy. */
    static String leftOutBecause(WorkerOffer worker) {
        if (worker.draining()) {
            return "draining";
        }
        if (worker.unhealthyReason() != null) {
            return "unhealthy";
        }
        return null;
    }

    /**
     * Whether a worker's attributes meet the required ones: each required name present, with the required value,
     * or with any value when the required value is empty. (A Spark driver requires {@code spark.version}.)
     */
    static boolean hasAttributes(Map<String, String> worker, Map<String, String> required) {
        for (Map.Entry<String, String> need : required.entrySet()) {
            String has = worker.get(need.getKey());
            if (has == null || !(need.getValue().isEmpty() || need.getValue().equals(has))) {
                return false;
            }
        }
        return true;
    }
}
