package io.drover.protocol.internal;

import jakarta.validation.constraints.Size;

/**
 * Worker → master, {@code POST /internal/v1/workers/{workerId}/leave}: the worker is stopping and its
 * children have ended, so the master can replace its work now rather than after the worker timeout.
 *
 * @param epoch the leader epoch the worker follows; a leave sent to another master changes nothing there
 * @param reason said in the log and in the messages of the work that was lost
 */
public record WorkerLeaving(long epoch, @Size(max = 500) String reason) {
}
