package io.drover.cluster.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Strings and numbers meant to break things: unicode, control characters, path tricks, huge and odd numbers. */
final class Values {

    /** Every executable the fuzz can name lives here, so a body that validates launches nothing. */
    static final String NO_SUCH_DIR = "/nonexistent/drover-fuzz/";
    /** Every URL the fuzz can name points here, so a fetch fails at once and stays on this machine. */
    static final String CLOSED_PORT_URL = "http://127.0.0.1:1";

    static final String UNKNOWN_DRIVER = "driver-19990101000000-0000";
    static final String UNKNOWN_APP = "app-19990101000000-0000";
    static final String UNKNOWN_WORKER = "worker-19990101000000-127.0.0.1-1";

    /** Things that have tripped path handling somewhere: traversal, encoded separators, NUL, matrix params. */
    static final List<String> PATH_TRICKS = List.of("..", ".", "../..", "../../etc/passwd", "%2e%2e", "%2e", "%2F",
            "..%2F..%2Fetc%2Fpasswd", "%00", "a%00b", "%5C", "..%5C..", ";", ";jsessionid=1", "a;b=c", "%25", "%252e%252e",
            "%20", "%0d%0a", "~", "*", "$", "%c0%ae%c0%ae", "%ef%bc%8f", ".%2e", "%2e.", "a/b", "//", "");

    /** The same tricks as plain strings, for bodies and encoded segments (where they must arrive literally). */
    static final List<String> TEXT_TRICKS = List.of("..", "../../etc/passwd", "..\\..\\windows", "/", "a/b", "\u0000",
            "a\u0000b", "%00", "%2e%2e%2f", "\r\n", "\r\nX-Injected: 1", "${jndi:ldap://127.0.0.1:1/a}", "{{APP_ID}}",
            "{{DRIVER_ID}}{{DRIVER_ID}}{{DRIVER_ID}}", "#{1+1}", "'; DROP TABLE x; --", "<script>alert(1)</script>",
            " ", "\t", "\u00a0", "\u200b", "\ufeff", "\ud800", "\udfff", "\uffff", "\ud83d\ude00", "CON", "NUL",
            "stdout", "STDOUT", "stderr/../stdout", "null", "undefined", "true");

    static final List<String> NUMBERISH = List.of("0", "-0", "1", "-1", "01", "+1", "1.0", "1e3", "1E+2", " 1", "1 ",
            "0x10", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "99999999999999999999999999999999999999", "NaN", "Infinity", "-Infinity", "1_000");

    private Values() {
    }

    /** Any string, weighted towards the ones that break parsers, validators and paths. */
    static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().alpha().numeric().withChars("-_.").ofMaxLength(24)),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(24)),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u001f')
                        .withChars('\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\ufffd').ofMinLength(1).ofMaxLength(8)),
                Tuple.of(3, Arbitraries.of(TEXT_TRICKS)),
                Tuple.of(2, Arbitraries.of(NUMBERISH)),
                Tuple.of(2, Arbitraries.of(UNKNOWN_DRIVER, UNKNOWN_APP, UNKNOWN_WORKER, "driver-1", "app-", "worker-",
                        "driver-20261122083000-00001", "app-99999999999999-9999999999999999999999",
                        "driver-\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661\u0662\u0663\u0664-0000")),
                Tuple.of(1, longText()));
    }

    /** 1 KB to 100 KB of a repeated unit, cheap to make and to shrink. */
    static Arbitrary<String> longText() {
        return Combinators.combine(
                        Arbitraries.of("a", "\u00e9", "\u0000", "..%2F", "\ud83d\ude00", "{\"", "\\", "\ud800", " "),
                        Arbitraries.integers().between(1_000, 100_000))
                .as((unit, length) -> unit.repeat(Math.max(1, length / unit.length())));
    }

    /** Number literals for an {@code int} or {@code long} field: plausible ones mostly, then every edge. */
    static Arbitrary<Json> number(long plausibleMax) {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.longs().between(1, plausibleMax).map(n -> (Json) new Json.Num(Long.toString(n)))),
                Tuple.of(3, Arbitraries.of("0", "-1", "-0", "2147483647", "2147483648", "-2147483648", "9223372036854775807",
                        "9223372036854775808", "-9223372036854775809", "1.5", "1e3", "1E+999999", "1e-999999", "0.0",
                        "100000", "100001", "1073741824", "1073741825", "1000000", "1000001", "10000000", "10000001",
                        "1" + "0".repeat(1200)).map(n -> (Json) new Json.Num(n))),
                Tuple.of(1, Arbitraries.of(NUMBERISH).map(n -> (Json) new Json.Str(n))));
    }

    /** A header value the JDK client will send: printable ASCII (with tabs), sometimes 10 KB or 100 KB of it. */
    static Arbitrary<String> headerValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().withCharRange(' ', '~').withChars('\t').ofMaxLength(40)
                        .map(String::strip)),
                Tuple.of(2, Arbitraries.of("", "*/*", "application/json", "bytes=0-1", "gzip", "chunked", "close",
                        "Bearer x", "Basic Og==", "null", "../..", "%00", "\u00e9".repeat(1))),
                Tuple.of(1, Arbitraries.of(10_000, 100_000).map("x"::repeat)));
    }

    /** A header name the JDK client will send (a token), never one it restricts. */
    static Arbitrary<String> headerName() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("Accept-Charset", "Accept-Encoding", "Accept-Language", "Authorization",
                        "Cookie", "Origin", "Range", "If-None-Match", "If-Modified-Since", "X-Forwarded-For",
                        "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Prefix", "Forwarded", "X-HTTP-Method-Override",
                        "Content-Encoding", "Content-Language", "Content-Range", "Transfer-Encoding", "TE", "Trailer",
                        "Last-Event-ID", "Max-Forwards", "Pragma", "Cache-Control", "Access-Control-Request-Method",
                        "Sec-Fetch-Mode", "Drover-Log-Offset")),
                Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').withChars("-_!#$%&'*+.^`|~0123456789")
                        .ofMinLength(1).ofMaxLength(30)));
    }
}
