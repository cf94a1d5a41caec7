package io.drover.cluster.fuzz;

/**
 * A value that only the running cluster knows, named at generation time and looked up when the request
 * is sent: the real things the fuzz aims its malformed calls at, next to ids that are well formed but
 * name nothing.
 */
enum LiveRef {
    MASTER_URL,
    /** The leader epoch, written as a number. */
    EPOCH,
    WORKER_ID,
    /** A driver that ran to its end on the worker and left logs there. */
    FINISHED_DRIVER_ID,
    /** A driver running now (a sleeping process); a call that kills it is a real change. */
    RUNNING_DRIVER_ID,
    /** A running application with one running executor. */
    APP_ID,
    /** The number of that application's running executor. */
    EXECUTOR_ID,
    UNKNOWN_DRIVER_ID,
    UNKNOWN_APP_ID,
    UNKNOWN_WORKER_ID;

    /** Looks the values up in the running cluster. */
    interface Resolver {
        String resolve(LiveRef ref);
    }

    /** Whether a call naming this may change the cluster even when it is right to (kills, finishes). */
    boolean isLiveThing() {
        return this == RUNNING_DRIVER_ID || this == APP_ID || this == EXECUTOR_ID || this == WORKER_ID;
    }
}
