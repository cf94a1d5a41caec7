package io.drover.client;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.StringTokenizer;

/**
 * Reads {@code DROVER_*} variables for {@link DriverContext} and {@link ExecutorContext}. Blank counts as
 * unset; a value that is set but malformed raises an {@link IllegalStateException} naming the variable.
 */
final class EnvironmentReader {

    private final Map<String, String> env;
    private final String role;

    EnvironmentReader(Map<String, String> env, String role) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.role = role;
    }

    Optional<String> string(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    String requiredString(String name) {
        return string(name).orElseThrow(() -> new IllegalStateException(
                name + " is not set: is this program running as a Drover " + role + "?"));
    }

    OptionalInt positiveInt(String name) {
        Optional<String> value = string(name);
        return value.isEmpty() ? OptionalInt.empty() : OptionalInt.of(parseInt(name, value.get(), 1));
    }

    int requiredInt(String name, int min) {
        return parseInt(name, requiredString(name), min);
    }

    OptionalLong positiveLong(String name) {
        Optional<String> value = string(name);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long parsed = Long.parseLong(value.get());
            if (parsed >= 1) {
                return OptionalLong.of(parsed);
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw malformed(name, value.get(), "a positive number");
    }

    Optional<URI> httpUrl(String name) {
        return string(name).map(value -> parseHttpUrl(name, value));
    }

    URI requiredHttpUrl(String name) {
        return parseHttpUrl(name, requiredString(name));
    }

    /**
     * The masters, from {@code urlsName} (comma-separated, issue 9) or else {@code urlName}; empty when neither
     * is set.
     */
    List<URI> httpUrls(String urlsName, String urlName) {
        Optional<String> value = string(urlsName);
        if (value.isEmpty()) {
            return httpUrl(urlName).map(List::of).orElse(List.of());
        }
        List<URI> urls = new ArrayList<>();
        for (String part : value.get().split(",")) {
            if (!part.isBlank()) {
                urls.add(parseHttpUrl(urlsName, part.strip()));
            }
        }
        if (urls.isEmpty()) {
            throw malformed(urlsName, value.get(), "comma-separated http: or https: URLs");
        }
        return List.copyOf(urls);
    }

    Optional<Path> path(String name) {
        return string(name).map(value -> parsePath(name, value));
    }

    /**
     * A list of directories, separated by commas (as Spark's {@code SPARK_LOCAL_DIRS}) or by the platform's
     * path separator ({@code :} on Unix); empty entries are skipped.
     */
    List<Path> paths(String name) {
        Optional<String> value = string(name);
        if (value.isEmpty()) {
            return List.of();
        }
        List<Path> paths = new ArrayList<>();
        StringTokenizer parts = new StringTokenizer(value.get(), "," + File.pathSeparator);
        while (parts.hasMoreTokens()) {
            String part = parts.nextToken().strip();
            if (!part.isEmpty()) {
                paths.add(parsePath(name, part));
            }
        }
        return List.copyOf(paths);
    }

    private int parseInt(String name, String value, int min) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw malformed(name, value, min == 0 ? "a number of 0 or more" : "a positive number");
    }

    private URI parseHttpUrl(String name, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Reported below.
        }
        throw malformed(name, value, "an http: or https: URL with a host");
    }

    private Path parsePath(String name, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw malformed(name, value, "a path");
        }
    }

    private static IllegalStateException malformed(String name, String value, String expected) {
        return new IllegalStateException(name + " must be " + expected + ", not '" + value + "'");
    }
}
