package io.drover.cli;

import java.nio.file.Path;
import java.util.Locale;

/** A resource as the API takes it: URLs as given, a local path as an absolute {@code file:} URL. */
final class Urls {

    private Urls() {
    }

    static String resource(String given, String option) {
        String lower = given.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:") || lower.startsWith("http:") || lower.startsWith("https:")) {
            return given;
        }
        if (lower.matches("[a-z][a-z0-9+.-]*:.*")) {
            throw new UsageProblem(option + " must be a file:, http: or https: URL or a local path, not '" + given + "'");
        }
        return Path.of(given).toAbsolutePath().normalize().toUri().toString();
    }
}
