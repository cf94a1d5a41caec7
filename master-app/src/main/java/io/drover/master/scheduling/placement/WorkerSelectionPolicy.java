package io.drover.master.scheduling.placement;

/**
 * The order in which workers are offered an application's executors: Spark 4's
 * {@code spark.deploy.workerSelectionPolicy}, with its semantics. Spark sorts the usable workers by
 * {@code (key, workerId)} and reverses the result for the descending policies, so ties go to the smaller worker
 * id when ascending and to the larger one when descending; {@link #WORKER_ID} sorts by id alone.
 */
public enum WorkerSelectionPolicy {
    /** The worker with the fewest free cores first: packs executors onto busy workers. */
    CORES_FREE_ASC,
    /** The worker with the most free cores first: Spark's default and its behaviour before 4.0. */
    CORES_FREE_DESC,
    /** The worker with the least free memory first. */
    MEMORY_FREE_ASC,
    /** The worker with the most free memory first. */
    MEMORY_FREE_DESC,
    /** The worker with the smallest id first: a fixed order. */
    WORKER_ID
}
