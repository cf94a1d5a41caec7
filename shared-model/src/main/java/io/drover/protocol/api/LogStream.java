package io.drover.protocol.api;

import java.util.Locale;
import java.util.Optional;

/** The two files every driver and executor writes. Their names are also the file names on the worker. */
public enum LogStream {
    STDOUT, STDERR;

    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code stdout} or {@code stderr} as written in a URL; anything else is empty. */
    public static Optional<LogStream> fromPath(String segment) {
        for (LogStream stream : values()) {
            if (stream.fileName().equals(segment)) {
                return Optional.of(stream);
            }
        }
        return Optional.empty();
    }
}
