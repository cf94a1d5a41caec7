package io.drover.master.scheduling.placement;

import io.drover.protocol.resources.Resources;

/** A driver that waits for a worker, and what it needs. */
public record WaitingDriver(String driverId, Resources demand) {
}
