package io.drover.master.scheduling.placement;

import io.drover.protocol.resources.Resources;

/**
 * A driver that waits for a worker, and what it needs.
 *
 * @param needsSpark whether only a worker with Spark can run it (issue 12)
 */
public record WaitingDriver(String driverId, Resources demand, boolean needsSpark) {

    /** A driver that runs on any worker. */
    public WaitingDriver(String driverId, Resources demand) {
        this(driverId, demand, false);
    }
}
