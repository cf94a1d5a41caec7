package io.drover.master.web.view;

import java.time.Instant;

/**
 * What the tables show alike for a driver and an application: when it was submitted, for how long it ran
 * or has been running, preformatted (see {@link Formats}) so a table of thousands renders fast.
 */
public interface SubmittedRow {

    boolean active();

    Instant submittedAt();

    long durationMillis();

    /** When a still-running duration started, for the browser to keep it ticking; null once it ended. */
    default Instant runningSince() {
        return active() ? submittedAt() : null;
    }

    default String durationText() {
        return Formats.duration(durationMillis());
    }

    default Moment submittedAtMoment() {
        return Moment.of(submittedAt());
    }

    /** ISO start of a still-running duration, which time.js keeps ticking; null once it ended. */
    default String runningSinceIso() {
        return active() ? Formats.iso(submittedAt()) : null;
    }
}
