package io.drover.cluster.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One generated call: which server, the method, the route it aims at with its path segments, query
 * parameters, headers and body. It holds {@link LiveRef}s rather than the cluster's values, and becomes
 * bytes on the wire only in {@link #resolve}.
 *
 * @param route the route template it aims at, for grouping findings ({@code POST /api/v1/drivers/{driverId}/kill})
 * @param segments the path, one element per segment, literal parts included
 */
record FuzzRequest(Target target, String method, String route, List<Segment> segments, List<Param> query,
        String contentType, String accept, List<Header> headers, Body body) {

    enum Target {
        MASTER, WORKER
    }

    /** One path segment: literal text of the route, a live value, text to percent-encode, or raw text sent as is. */
    sealed interface Segment {
        String render(LiveRef.Resolver live);
    }

    record Literal(String text) implements Segment {
        public String render(LiveRef.Resolver live) {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    record Live(LiveRef ref) implements Segment {
        public String render(LiveRef.Resolver live) {
            return encode(live.resolve(ref));
        }

        @Override
        public String toString() {
            return "<" + ref + ">";
        }
    }

    record Text(String text) implements Segment {
        public String render(LiveRef.Resolver live) {
            return encode(text);
        }

        @Override
        public String toString() {
            return "enc(" + abbreviate(text) + ")";
        }
    }

    /** Sent without encoding; only ever one of {@link Values#PATH_TRICKS}, which are legal in a URI. */
    record Raw(String text) implements Segment {
        public String render(LiveRef.Resolver live) {
            return text;
        }

        @Override
        public String toString() {
            return "raw(" + text + ")";
        }
    }

    /** A query parameter; {@code raw} text goes into the query unencoded (only URI-legal tricks). */
    record Param(String name, String value, boolean raw) {
        String render() {
            if (raw) {
                return name;
            }
            return value == null ? encode(name) : encode(name) + "=" + encode(value);
        }

        @Override
        public String toString() {
            return raw ? "raw(" + name + ")" : abbreviate(name) + (value == null ? "" : "=" + abbreviate(value));
        }
    }

    record Header(String name, String value) {
        @Override
        public String toString() {
            return name + ": " + abbreviate(value);
        }
    }

    sealed interface Body {
        /** The bytes to send, or null for no body at all. */
        byte[] bytes(LiveRef.Resolver live);
    }

    record NoBody() implements Body {
        public byte[] bytes(LiveRef.Resolver live) {
            return null;
        }

        @Override
        public String toString() {
            return "none";
        }
    }

    record JsonBody(Json json) implements Body {
        public byte[] bytes(LiveRef.Resolver live) {
            return Json.write(json, live).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "json " + abbreviate(Json.write(json, ref -> "<" + ref + ">"));
        }
    }

    /** Valid JSON cut at {@code fraction} of its length. */
    record TruncatedJson(Json json, double fraction) implements Body {
        public byte[] bytes(LiveRef.Resolver live) {
            String text = Json.write(json, live);
            return text.substring(0, (int) (text.length() * fraction)).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = Json.write(json, ref -> "<" + ref + ">");
            return "truncated json " + abbreviate(text.substring(0, (int) (text.length() * fraction)));
        }
    }

    record RawText(String text) implements Body {
        public byte[] bytes(LiveRef.Resolver live) {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "text " + abbreviate(text);
        }
    }

    record RawBytes(byte[] bytes) implements Body {
        public byte[] bytes(LiveRef.Resolver live) {
            return bytes.clone();
        }

        @Override
        public String toString() {
            return "bytes " + abbreviate(Arrays.toString(bytes));
        }
    }

    /** The path and query as sent, with live values filled in. */
    String pathAndQuery(LiveRef.Resolver live) {
        String path = segments.stream().map(s -> s.render(live)).collect(Collectors.joining("/", "/", ""));
        if (query.isEmpty()) {
            return path;
        }
        return path + "?" + query.stream().map(Param::render).collect(Collectors.joining("&"));
    }

    /** Whether a 2xx answer to this call may rightly have changed something. */
    boolean mayChangeState() {
        return !List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(method);
    }

    @Override
    public String toString() {
        return method + " " + target + " " + segments.stream().map(Object::toString).collect(Collectors.joining("/", "/", ""))
                + (query.isEmpty() ? "" : "?" + query.stream().map(Object::toString).collect(Collectors.joining("&")))
                + " | Content-Type: " + abbreviate(contentType) + " | Accept: " + abbreviate(accept)
                + (headers.isEmpty() ? "" : " | " + headers) + " | body: " + body;
    }

    /** Percent-encodes one path segment or query part; spaces become {@code %20}, never {@code +}. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Long strings cut to their start, end and length, control characters shown as escapes. */
    static String abbreviate(String text) {
        if (text == null) {
            return "(none)";
        }
        String shown = text.length() <= 300 ? text
                : text.substring(0, 200) + "...(" + text.length() + " chars)..." + text.substring(text.length() - 60);
        StringBuilder out = new StringBuilder();
        shown.chars().forEach(c -> {
            if (c < 0x20 || c == 0x7f || Character.isSurrogate((char) c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }
}
