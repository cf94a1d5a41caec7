package io.drover.master.web.view;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The words the shared fragments (frontend's drover/fragments/state.html) render, in Java, for the big
 * tables: an included fragment per cell costs tens of microseconds, and a thousand-row table has
 * thousands of cells. Same units, thresholds and rounding (half-even, one decimal) as the fragments.
 */
final class Formats {

    private static final DateTimeFormatter UTC_TEXT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** A size in MiB: "512 MiB", "1.5 GiB", "2.0 TiB". */
    static String mib(long mb) {
        if (mb >= 1024L * 1024) {
            return oneDecimal(mb, 1024L * 1024) + " TiB";
        }
        return mb >= 1024 ? oneDecimal(mb, 1024) + " GiB" : mb + " MiB";
    }

    /** A length of time as Spark words it: "850 ms", "24 s", "2.2 min", "1.5 h", "3.0 d". */
    static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return millis / 1000 + " s";
        }
        if (millis < 3_600_000) {
            return oneDecimal(millis, 60_000) + " min";
        }
        return millis < 86_400_000 ? oneDecimal(millis, 3_600_000) + " h" : oneDecimal(millis, 86_400_000) + " d";
    }

    static String utc(Instant instant) {
        return UTC_TEXT.format(instant);
    }

    /** Millisecond ISO-8601 in UTC, which every browser's Date.parse reads (nanoseconds are not certain to). */
    static String iso(Instant instant) {
        return ISO.format(instant);
    }

    private static String oneDecimal(long value, long unit) {
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit), 1, RoundingMode.HALF_EVEN).toPlainString();
    }
}
