package io.drover.cli;

import java.util.Locale;

/** Memory sizes as Spark's {@code --driver-memory} takes them: {@code 512m}, {@code 2g}, or MiB as a plain number. */
final class Sizes {

    private Sizes() {
    }

    static long megabytes(String text, String option) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        long factor = 1;
        if (value.endsWith("b")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.endsWith("g")) {
            factor = 1024;
            value = value.substring(0, value.length() - 1);
        } else if (value.endsWith("t")) {
            factor = 1024 * 1024;
            value = value.substring(0, value.length() - 1);
        } else if (value.endsWith("m")) {
            value = value.substring(0, value.length() - 1);
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number > 0 && number <= Long.MAX_VALUE / factor) {
                return number * factor;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new UsageProblem(option + " must be a size such as 512m or 2g, not '" + text + "'");
    }
}
