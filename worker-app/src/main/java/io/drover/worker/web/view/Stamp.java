package io.drover.worker.web.view;

import java.time.Instant;

/**
 * A moment as a page shows it: {@code text} for people, {@code iso} for the {@code <time datetime>}
 * attribute, so a script or a test can read the exact instant.
 */
public record Stamp(String iso, String text) {

    /** Null for null: a template shows nothing for a moment that has not come yet. */
    static Stamp of(Instant instant) {
        return instant == null ? null : new Stamp(instant.toString(), Formats.time(instant));
    }
}
