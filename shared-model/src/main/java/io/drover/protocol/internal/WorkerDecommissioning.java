package io.drover.protocol.internal;

import jakarta.validation.constraints.Size;

/**
 * Worker → master, {@code POST /internal/v1/workers/{workerId}/decommission}: the worker decommissions itself
 * ({@code SIGPWR}, or {@code decommission-on-term} when it is told to stop). The master gives it no new work,
 * stops and replaces its executors, relaunches its supervised drivers elsewhere once they end, and lists it
 * DECOMMISSIONED once nothing runs there or it has left; it never comes back ALIVE under this id.
 *
 * @param epoch the leader epoch the worker follows; a notice sent to another master changes nothing there
 * @param reason said in the log, the API and the messages of the work that moves
 */
public record WorkerDecommissioning(long epoch, @Size(max = 500) String reason) {
}
