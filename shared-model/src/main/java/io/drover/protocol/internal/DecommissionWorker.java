package io.drover.protocol.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Master → worker, {@code POST /internal/v1/decommission}: an admin decommissions this worker. The master has
 * already stopped giving it work and asks it to stop its executors (each also gets a kill); the worker should
 * take no launch from now on, let its drivers end, and leave. Obeyed only from the master it follows (URL and
 * epoch), like a launch. Heartbeat replies say the same ({@link HeartbeatReply#decommissioned()}), so a worker
 * that missed this notice learns it at its next heartbeat.
 */
public record DecommissionWorker(@NotBlank String masterUrl, long epoch, @Size(max = 500) String reason) {
}
