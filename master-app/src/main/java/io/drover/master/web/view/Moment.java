package io.drover.master.web.view;

import java.time.Instant;

/**
 * A moment as a table cell shows it: {@code <time datetime="iso">text</time>}, sorted by epoch milliseconds.
 * time.js rewrites the text into the reader's local time.
 */
public record Moment(String iso, String text, long epochMillis) {

    /** Null for null: the cell shows nothing. */
    static Moment of(Instant instant) {
        return instant == null ? null
                : new Moment(Formats.iso(instant), Formats.utc(instant), instant.toEpochMilli());
    }
}
