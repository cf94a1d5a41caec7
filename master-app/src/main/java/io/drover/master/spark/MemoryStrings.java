package io.drover.master.spark;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark's memory strings ({@code spark.driver.memory=512m}) as Spark's {@code Utils.memoryStringToMb} reads
 * them: a whole number with an optional unit ({@code b}, {@code k}/{@code kb}, {@code m}/{@code mb},
 * {@code g}/{@code gb}, {@code t}/{@code tb}, {@code p}/{@code pb}); without a unit, mebibytes.
 */
final class MemoryStrings {

    private static final Pattern MEMORY = Pattern.compile("([0-9]+)\\s*([a-z]*)");

    private MemoryStrings() {
    }

    /** @throws IllegalArgumentException when {@code text} is not a memory string */
    static long toMb(String text) {
        Matcher m = MEMORY.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a memory size such as 512m or 2g");
        }
        long value = Long.parseLong(m.group(1));
        long bytes = switch (m.group(2)) {
            case "b" -> value;
            case "k", "kb" -> Math.multiplyExact(value, 1L << 10);
            case "", "m", "mb" -> Math.multiplyExact(value, 1L << 20);
            case "g", "gb" -> Math.multiplyExact(value, 1L << 30);
            case "t", "tb" -> Math.multiplyExact(value, 1L << 40);
            case "p", "pb" -> Math.multiplyExact(value, 1L << 50);
            default -> throw new IllegalArgumentException("'" + text + "' has an unknown unit '" + m.group(2) + "'");
        };
        return bytes >> 20;
    }
}
