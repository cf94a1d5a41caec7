package io.drover.master.scheduling.placement;

import java.util.List;

/**
 * Everything one round decides on, taken from the master's state at its start.
 *
 * @param workers the alive workers, in registration order (draining and unhealthy ones included: the pipeline
 *     leaves them out itself, and says so in its reasons)
 * @param drivers the drivers waiting for a worker, in any order: the queues order them
 * @param apps the applications that want executors, in any order
 * @param queues every queue, configured or named by work; a queue named by work but missing here counts with
 *     weight 1 and no limit
 * @param seed seeds the shuffle of the workers for drivers
 */
public record PlacementInput(List<WorkerOffer> workers, List<DriverAsk> drivers, List<AppAsk> apps,
        List<QueueState> queues, PlacementRules rules, long seed) {

    public PlacementInput {
        workers = List.copyOf(workers);
        drivers = List.copyOf(drivers);
        apps = List.copyOf(apps);
        queues = List.copyOf(queues);
    }
}
