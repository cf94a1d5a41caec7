package io.drover.master.scheduling.placement;

/**
 * What the driver and executor stages of one round share: the workers left, the queues, the shapes known not to
 * fit, and the rules.
 */
record Round(WorkerPool pool, QueueBook queues, Infeasible infeasible, PlacementRules rules) {
}
