package io.drover.worker.runner;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a server said identifies the version of an app resource it sent ({@code ETag}, {@code Last-Modified}),
 * and which URL said it: a later fetch asks that URL only, and takes a {@code 304} only from it (a redirect
 * may lead somewhere else next time, whose tags mean nothing here).
 *
 * @param from the URL that answered, after redirects
 * @param etag null when the server sent none
 * @param lastModified as the server wrote it, sent back verbatim; null when it sent none
 */
record Validators(URI from, String etag, String lastModified) {

    Validators {
        if (etag == null && lastModified == null) {
            throw new IllegalArgumentException("validators need an ETag or a Last-Modified");
        }
    }

    /** From a {@code 200}'s headers; empty without a validator, or when the server forbids storing it. */
    static Optional<Validators> of(URI from, HttpHeaders headers) {
        boolean noStore = headers.allValues("Cache-Control").stream()
                .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("no-store"));
        String etag = headers.firstValue("ETag").orElse(null);
        String lastModified = headers.firstValue("Last-Modified").orElse(null);
        return noStore || etag == null && lastModified == null ? Optional.empty()
                : Optional.of(new Validators(from, etag, lastModified));
    }

    /** The conditional headers, when the request goes to the URL that gave them. */
    HttpRequest.Builder ask(URI url, HttpRequest.Builder request) {
        if (url.equals(from)) {
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
        }
        return request;
    }

    /** One {@code name value} line each; header values hold no line breaks. */
    String format() {
        StringBuilder text = new StringBuilder("from ").append(from).append('\n');
        if (etag != null) {
            text.append("etag ").append(etag).append('\n');
        }
        if (lastModified != null) {
            text.append("last-modified ").append(lastModified).append('\n');
        }
        return text.toString();
    }

    /** What {@link #format} wrote; empty for anything else, which then counts as no validators. */
    static Optional<Validators> parse(String text) {
        Map<String, String> fields = new HashMap<>();
        for (String line : text.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                fields.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        try {
            return Optional.of(new Validators(URI.create(fields.get("from")), fields.get("etag"),
                    fields.get("last-modified")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
