package io.drover.master.scheduling.placement;

import java.util.Objects;

/**
 * How a round places, from the master's configuration (Spark 4's knobs) and what already runs.
 *
 * @param maxDrivers the most drivers launched at once ({@code spark.deploy.maxDrivers}); {@link Integer#MAX_VALUE}
 *     for no limit
 * @param driversLaunched drivers placed on a worker (launching or running) at the start of the round
 * @param spreadOutDrivers drivers round-robin over the alive workers in random order (Spark's default), or each to
 *     the first worker by id that fits ({@code spark.deploy.spreadOutDrivers=false})
 * @param spreadOutApps spread an application's executors over workers, or fill one worker first
 * @param policy the order workers are offered executors in ({@code spark.deploy.workerSelectionPolicy})
 * @param clusterCores the cores of the alive workers: the whole the queues' shares are shares of
 */
public record PlacementRules(int maxDrivers, int driversLaunched, boolean spreadOutDrivers, boolean spreadOutApps,
        WorkerSelectionPolicy policy, int clusterCores) {

    public PlacementRules {
        Objects.requireNonNull(policy, "policy");
    }

    /** Spark's defaults: no driver limit, spread out, most free cores first. */
    public static PlacementRules sparkDefaults(int clusterCores) {
        return new PlacementRules(Integer.MAX_VALUE, 0, true, true, WorkerSelectionPolicy.CORES_FREE_DESC,
                clusterCores);
    }

    public PlacementRules withPolicy(WorkerSelectionPolicy next) {
        return new PlacementRules(maxDrivers, driversLaunched, spreadOutDrivers, spreadOutApps, next, clusterCores);
    }

    public PlacementRules withSpreadOutApps(boolean spread) {
        return new PlacementRules(maxDrivers, driversLaunched, spreadOutDrivers, spread, policy, clusterCores);
    }

    public PlacementRules withDrivers(int max, int launched, boolean spread) {
        return new PlacementRules(max, launched, spread, spreadOutApps, policy, clusterCores);
    }
}
