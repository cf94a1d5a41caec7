package io.drover.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes answers as the user asked: the API's own JSON ({@code --output json}), or words and tables. */
final class Output {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private Output() {
    }

    /** The value as the API's JSON (the client's records), indented, on one document. */
    static void json(PrintWriter out, Object value) {
        out.println(JSON.writeValueAsString(value));
    }

    /** How long ago {@code time} was, as {@code kubectl}'s AGE column: 42s, 7m, 3h, 2d. */
    static String age(Instant time, Instant now) {
        if (time == null) {
            return null;
        }
        long seconds = Math.max(0, Duration.between(time, now).getSeconds());
        if (seconds < 120) {
            return seconds + "s";
        }
        if (seconds < 2 * 3600) {
            return seconds / 60 + "m";
        }
        if (seconds < 2 * 86_400) {
            return seconds / 3600 + "h";
        }
        return seconds / 86_400 + "d";
    }

    /** A memory size in MiB as people write it: 512M, 2G, 1.5G. */
    static String memory(long mb) {
        if (mb < 1024) {
            return mb + "M";
        }
        double gb = mb / 1024.0;
        return gb == Math.rint(gb) ? (long) gb + "G" : String.format(java.util.Locale.ROOT, "%.1fG", gb);
    }

    /** {@code label: value} lines, labels padded to one width, for one thing's details. */
    static void fields(PrintWriter out, Object... labelsAndValues) {
        int width = 0;
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            width = Math.max(width, labelsAndValues[i].toString().length());
        }
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            Object value = labelsAndValues[i + 1];
            if (value != null && !value.toString().isEmpty()) {
                String label = labelsAndValues[i] + ":";
                out.println(label + " ".repeat(width + 2 - label.length()) + value);
            }
        }
    }
}
