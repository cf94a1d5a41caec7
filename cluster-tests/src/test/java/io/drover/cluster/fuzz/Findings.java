package io.drover.cluster.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * What the fuzz found, grouped by kind, status, who answered (Spring's problem, Tomcat's HTML page, Boot's
 * error JSON...) and what about the request looks to blame, with the smallest request of each group and
 * the routes it was seen on; and how often each route answered each status, for coverage.
 */
final class Findings {

    enum Kind {
        /** A 5xx answer. */
        SERVER_ERROR,
        /** A 4xx answer that is not {@code application/problem+json}. */
        NOT_PROBLEM_JSON,
        /** An answer other than 2xx after which the cluster's state had changed. */
        STATE_CHANGED,
        /** The connection ended without an answer, or the answer did not come in time. */
        NO_ANSWER,
        /**
         * Refused by Tomcat's connector before the application saw it (an encoded separator, NUL or control
         * character in the path, bytes that are not UTF-8, {@code ..} segments that climb above the root, a head
         * over 8 KB, a Transfer-Encoding it does not speak): an HTML page or an empty body with 400 or 501, or,
         * for a head over 8 KB, a connection closed under a client still sending.
         * Listed, not a failure: nothing of Drover ran.
         */
        CONTAINER_REJECTED
    }

    /** Whether a non-problem answer is one of the connector's own refusals (see {@link Kind#CONTAINER_REJECTED}). */
    static boolean containerRejected(FuzzRequest request, String pathAndQuery, FuzzHttp.Answer answer) {
        if (!answer.answered()) {
            // Tomcat answers a head over its limit with 400 and closes the connection; a client still sending the
            // rest of the head or the body then loses that answer to the reset, so the refusal shows as no answer.
            return !answer.failure().contains("Timeout")
                    && suspects(request, pathAndQuery, false).get(0).startsWith(OVERSIZED_HEAD);
        }
        if ((answer.status() != 400 && answer.status() != 501) || answer.isProblemJson()) {
            return false;
        }
        String origin = origin(answer);
        boolean connectorWrote = origin.contains("Tomcat's error page") || origin.contains("empty body");
        List<String> suspects = suspects(request, pathAndQuery, false);
        return connectorWrote && CONNECTOR_SUSPECTS.stream().anyMatch(s -> suspects.get(0).startsWith(s));
    }

    private static final String OVERSIZED_HEAD = "request line and headers over 8 KB";
    private static final List<String> CONNECTOR_SUSPECTS = List.of(OVERSIZED_HEAD,
            "a Transfer-Encoding header", "encoded \\, / or NUL in the path", "encoded control character in the path",
            "percent-encoded bytes in the path that are not UTF-8", "dot segments that climb above the root of the path");

    private static final Pattern ENCODED_SEPARATOR = Pattern.compile("(?i).*%(5c|2f|00).*");
    private static final Pattern ENCODED_CONTROL = Pattern.compile("(?i).*%([01][0-9a-f]|7f).*");
    private static final Set<String> STANDARD_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private static final class Group {
        final String key;
        final Set<String> routes = new TreeSet<>();
        int count;
        String example;
        String answer;
        String detail;

        Group(String key) {
            this.key = key;
        }
    }

    private static final Map<String, Group> FOUND = new TreeMap<>();
    private static final Map<String, Integer> STATUSES = new TreeMap<>();

    private Findings() {
    }

    static synchronized void count(FuzzRequest request, FuzzHttp.Answer answer) {
        String route = request.route();
        String as = request.method().equals(route.substring(0, route.indexOf(' '))) ? "" : " as " + request.method();
        STATUSES.merge(route + as + " -> " + (answer.answered() ? answer.status() : "none"), 1, Integer::sum);
    }

    static synchronized void record(Kind kind, FuzzRequest request, String pathAndQuery, FuzzHttp.Answer answer,
            String detail) {
        String status = answer.answered() ? Integer.toString(answer.status()) : "none";
        List<String> suspects = suspects(request, pathAndQuery, origin(answer).equals("problem+json"));
        String key = kind + " " + status + " " + origin(answer) + " | " + suspects.get(0);
        if (kind == Kind.STATE_CHANGED || suspects.get(0).equals("none obvious")) {
            key += " | " + request.route();
        }
        Group group = FOUND.computeIfAbsent(key, Group::new);
        group.count++;
        group.routes.add(request.route() + " as " + request.method());
        if (group.example == null || answer.wire().length() < group.example.length()) {
            group.example = answer.wire();
            group.answer = answer.toString();
            group.detail = "all suspects: " + String.join(", ", suspects) + (detail == null ? "" : "\n  " + detail);
        }
    }

    /** Who wrote the answer, as far as its body tells. */
    static String origin(FuzzHttp.Answer answer) {
        if (!answer.answered()) {
            return "(no answer: " + answer.failure().split(":")[0] + ")";
        }
        String type = answer.contentType() == null ? "no Content-Type"
                : answer.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        String body = answer.body() == null ? "" : answer.body();
        if (answer.isProblemJson()) {
            return "problem+json";
        }
        if (body.contains("<title>HTTP Status")) {
            return type + " (Tomcat's error page)";
        }
        if (body.contains("Whitelabel Error Page")) {
            return type + " (Boot's whitelabel page)";
        }
        if (body.contains("\"timestamp\"") && body.contains("\"error\"")) {
            return type + " (Boot's /error JSON)";
        }
        return type + (body.isBlank() ? " (empty body)" : "");
    }

    /**
     * What about the request is unusual enough to be the cause, the likeliest first: for an answer Spring MVC
     * wrote, what Spring reads (method, query, content type, accept); otherwise what Tomcat reads first.
     */
    /**
     * Whether normalizing the path's {@code .} and {@code ..} segments (encoded dots too, which Tomcat decodes
     * first) would go above {@code /}: Tomcat answers such a URI 400 before any filter or servlet sees it.
     */
    static boolean climbsAboveTheRoot(String path) {
        int depth = 0;
        for (String segment : path.split("/", -1)) {
            String plain = segment.replaceAll("(?i)%2e", ".");
            if (plain.equals("..")) {
                if (--depth < 0) {
                    return true;
                }
            } else if (!plain.isEmpty() && !plain.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    static List<String> suspects(FuzzRequest request, String pathAndQuery, boolean fromSpring) {
        List<String> connector = new ArrayList<>();
        List<String> application = new ArrayList<>();
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        int head = pathAndQuery.length() + length(request.contentType()) + length(request.accept())
                + request.headers().stream().mapToInt(h -> h.name().length() + h.value().length() + 4).sum();
        if (head > 8_000) {
            connector.add(OVERSIZED_HEAD);
        }
        if (request.headers().stream().anyMatch(h -> h.name().equalsIgnoreCase("Transfer-Encoding"))) {
            connector.add("a Transfer-Encoding header");
        }
        if (ENCODED_SEPARATOR.matcher(path).matches()) {
            connector.add("encoded \\, / or NUL in the path");
        } else if (ENCODED_CONTROL.matcher(path).matches()) {
            connector.add("encoded control character in the path");
        } else if (!decodesAsUtf8(path)) {
            connector.add("percent-encoded bytes in the path that are not UTF-8");
        }
        if (climbsAboveTheRoot(path)) {
            connector.add("dot segments that climb above the root of the path");
        }
        if (!STANDARD_METHODS.contains(request.method())) {
            application.add("method " + request.method());
        }
        if (query >= 0 && ("&" + pathAndQuery.substring(query + 1)).contains("&=")) {
            application.add("a query parameter without a name");
        }
        String contentType = request.contentType();
        if (contentType != null) {
            try {
                MediaType type = MediaType.parseMediaType(contentType);
                if (type.isWildcardType() || type.isWildcardSubtype()) {
                    application.add("wildcard Content-Type");
                } else if (type.getType().equalsIgnoreCase("multipart")) {
                    application.add("multipart Content-Type");
                }
            } catch (InvalidMediaTypeException e) {
                application.add("unparsable Content-Type");
            }
        }
        if (request.accept() != null) {
            try {
                List<MediaType> accepted = MediaType.parseMediaTypes(request.accept());
                if (accepted.stream().noneMatch(t -> t.getQualityValue() > 0
                        && t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))) {
                    application.add("an Accept without problem+json");
                }
            } catch (IllegalArgumentException e) {
                application.add("unparsable Accept");
            }
        }
        List<String> suspects = new ArrayList<>(fromSpring ? application : connector);
        suspects.addAll(fromSpring ? connector : application);
        if (suspects.isEmpty()) {
            suspects.add("none obvious");
        }
        return suspects;
    }

    private static boolean decodesAsUtf8(String path) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = 0; i < path.length(); i++) {
                char c = path.charAt(i);
                if (c == '%' && i + 2 < path.length()) {
                    bytes.write(Integer.parseInt(path.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    bytes.write(c);
                }
            }
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException | NumberFormatException e) {
            return false;
        }
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    /** Whether anything but the connector's own refusals was found. */
    static synchronized boolean any() {
        return FOUND.keySet().stream().anyMatch(key -> !key.startsWith(Kind.CONTAINER_REJECTED.name()));
    }

    static synchronized String report() {
        StringBuilder out = new StringBuilder("Drover API fuzz: ").append(FOUND.size()).append(" kind(s) of finding\n");
        for (Group group : FOUND.values()) {
            out.append("\n").append(group.key).append("\n  seen ").append(group.count).append(" time(s) on ")
                    .append(group.routes.size() > 6 ? group.routes.size() + " routes, e.g. "
                            + String.join("; ", new ArrayList<>(group.routes).subList(0, 6)) : String.join("; ", group.routes))
                    .append("\n  smallest request: ").append(group.example)
                    .append("\n  answer: ").append(group.answer)
                    .append("\n  ").append(group.detail).append('\n');
        }
        return out.toString();
    }

    /** One line per group of findings. */
    static synchronized String headlines() {
        StringBuilder out = new StringBuilder();
        FOUND.values().forEach(group -> out.append("  ").append(group.key).append(" (").append(group.count)
                .append("x)\n"));
        return out.toString();
    }

    static synchronized String statuses() {
        StringBuilder out = new StringBuilder("Answers by route and status (shrinking included):\n");
        STATUSES.forEach((key, count) -> out.append(String.format(Locale.ROOT, "  %5d  %s%n", count, key)));
        return out.toString();
    }
}
