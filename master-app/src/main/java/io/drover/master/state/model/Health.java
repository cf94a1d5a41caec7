package io.drover.master.state.model;

import java.time.Instant;

/**
 * Whether a worker can run work, as its own checks and its launches say (YARN's node health): an unhealthy worker
 * is left out of placement until a health report says it is fine again. Not stored: a worker that registers again
 * says how it is.
 *
 * @param reason the problem while unhealthy; null while healthy
 * @param since when it became unhealthy; null while healthy
 */
public record Health(boolean healthy, String reason, Instant since) {

    public static final Health HEALTHY = new Health(true, null, null);

    public static Health unhealthy(String reason, Instant now) {
        return new Health(false, reason, now);
    }
}
