package io.drover.worker.web.view;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the worker's pages write sizes and times; pure, so the templates only print strings. */
final class Formats {

    /** Times are shown in UTC and say so: a worker and the people reading its page may be in other zones. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Formats() {
    }

    /** Memory as the protocol counts it (MiB): "512 MiB", "4.0 GiB", Spark's units. */
    static String mebibytes(long mb) {
        return mb < 1024 ? mb + " MiB" : bytes(mb * 1024 * 1024);
    }

    /** A size in bytes: "812 B", "64.0 KiB", "100.0 MiB". */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }
}
