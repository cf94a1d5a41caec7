package io.drover.master.state.model;

import java.time.Instant;

/**
 * A worker being decommissioned (Spark's decommission, Nomad's drain): asked by an admin or by the worker
 * itself. It takes no new work from then on, and ends DECOMMISSIONED.
 *
 * @param reason what was said, with who asked
 */
public record Drain(Instant since, String reason) {
}
