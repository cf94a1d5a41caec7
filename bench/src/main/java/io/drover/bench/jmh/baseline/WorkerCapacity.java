package io.drover.bench.jmh.baseline;

import io.drover.protocol.resources.Resources;

/**
 * An alive worker and what it has free at the start of a round.
 *
 * @param hasSpark whether it can run drivers and executors that need Spark (issue 12)
 */
public record WorkerCapacity(String workerId, Resources free, boolean hasSpark) {

    /** A worker without Spark. */
    public WorkerCapacity(String workerId, Resources free) {
        this(workerId, free, false);
    }

    /** Whether it may take work that does or does not need Spark. */
    boolean canRun(boolean needsSpark) {
        return hasSpark || !needsSpark;
    }
}
