package io.drover.cluster.fuzz;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A JSON value as the fuzz builds it: always well-formed when written, but free to hold anything the real
 * records would refuse (wrong types, duplicate keys, lone surrogates, numbers no Java type can hold).
 * {@link Ref} stands for a value of the running cluster (the master's URL, a real driver id), filled in
 * when the request is sent, so that generation does not depend on what the cluster happens to hold.
 */
sealed interface Json {

    record Obj(List<Map.Entry<String, Json>> fields) implements Json {
    }

    record Arr(List<Json> items) implements Json {
    }

    record Str(String value) implements Json {
    }

    /** A number as its literal text, which is always valid JSON number syntax. */
    record Num(String literal) implements Json {
    }

    record Bool(boolean value) implements Json {
    }

    enum Null implements Json {
        NULL
    }

    /** A value of the live cluster, written as a string or, for {@link LiveRef#EPOCH}, as a number. */
    record Ref(LiveRef ref) implements Json {
    }

    /** Writes {@code value} as JSON text, resolving references with {@code live}. */
    static String write(Json value, LiveRef.Resolver live) {
        StringBuilder out = new StringBuilder();
        write(value, live, null, out);
        return out.toString();
    }

    private static void write(Json value, LiveRef.Resolver live, String key, StringBuilder out) {
        if (value instanceof Obj obj) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Json> field : obj.fields()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(field.getKey(), out);
                out.append(':');
                write(field.getValue(), live, field.getKey(), out);
            }
            out.append('}');
        } else if (value instanceof Arr arr) {
            out.append('[');
            for (int i = 0; i < arr.items().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(arr.items().get(i), live, key, out);
            }
            out.append(']');
        } else if (value instanceof Str str) {
            string(Safety.sanitize(key, str.value()), out);
        } else if (value instanceof Num num) {
            out.append(num.literal());
        } else if (value instanceof Bool bool) {
            out.append(bool.value());
        } else if (value instanceof Ref ref) {
            String resolved = live.resolve(ref.ref());
            if (ref.ref() == LiveRef.EPOCH) {
                out.append(resolved);
            } else {
                string(resolved, out);
            }
        } else {
            out.append("null");
        }
    }

    private static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !pairedAt(value, i)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c)) {
                        out.append(c).append(value.charAt(++i));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean pairedAt(String value, int i) {
        return Character.isHighSurrogate(value.charAt(i)) && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1));
    }

    /**
     * Keeps a body that happens to validate from doing harm: no program that exists is ever launched, and
     * no URL outside this machine is ever fetched (a closed port on loopback answers at once).
     */
    final class Safety {

        private static final Pattern WEB_URL = Pattern.compile("(?is)\\s*https?:.*");

        private Safety() {
        }

        static String sanitize(String key, String value) {
            if (key == null) {
                return value;
            }
            return switch (key) {
                case "executable" -> value.isEmpty() || value.startsWith(Values.NO_SUCH_DIR) ? value
                        : Values.NO_SUCH_DIR + value;
                case "appResource", "url", "driverUrl", "masterUrl" ->
                        WEB_URL.matcher(value).matches() && !value.startsWith(Values.CLOSED_PORT_URL)
                                ? Values.CLOSED_PORT_URL + "/fuzz" : value;
                default -> value;
            };
        }
    }
}
