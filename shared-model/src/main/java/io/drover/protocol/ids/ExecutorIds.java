package io.drover.protocol.ids;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Executor ids as they arrive in URL paths, on the master and on the workers: a non-negative int in plain
 * decimal. Parsed in one place so a path variable is checked the same way before it becomes a key or a
 * directory name ({@link Ids} covers the string ids; an executor id is a number).
 */
public final class ExecutorIds {

    /** At most ten digits, so the parse cannot overflow a long; the int range is checked after. */
    private static final Pattern DIGITS = Pattern.compile("\\d{1,10}");

    private ExecutorIds() {
    }

    /** An executor named as in inventories and kill lists: {@code <appId>/<executorId>}. */
    public record Key(String appId, int executorId) {
    }

    /** Splits {@code <appId>/<executorId>}; empty unless both parts are well-formed. */
    public static Optional<Key> parseKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        int slash = key.lastIndexOf('/');
        if (slash <= 0 || !Ids.isAppId(key.substring(0, slash))) {
            return Optional.empty();
        }
        OptionalInt id = parse(key.substring(slash + 1));
        return id.isPresent() ? Optional.of(new Key(key.substring(0, slash), id.getAsInt())) : Optional.empty();
    }

    public static OptionalInt parse(String text) {
        if (text == null || !DIGITS.matcher(text).matches()) {
            return OptionalInt.empty();
        }
        long value = Long.parseLong(text);
        return value > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) value);
    }
}
