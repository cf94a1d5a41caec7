package io.drover.protocol.resources;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Custom resources (GPUs, FPGAs, anything countable with addresses), as Spark's standalone mode has them: a
 * worker offers addresses by name ({@code {"gpu": ["0", "1"]}}), a driver or an executor asks for an amount
 * by name ({@code {"gpu": 1}}), and the master assigns concrete addresses. Beside {@link Resources}, the only
 * place that arithmetic happens. Maps here are immutable, names in the order given, addresses in offer order.
 */
public final class ResourceAddresses {

    /** A resource name: lower case, so it maps onto an environment variable ({@code DROVER_RESOURCE_GPU}). */
    public static final String NAME_REGEX = "[a-z][a-z0-9_]{0,31}";
    /** One address: no spaces, commas or control characters (children get them comma-separated). */
    public static final String ADDRESS_REGEX = "[A-Za-z0-9_.:/-]{1,128}";

    private ResourceAddresses() {
    }

    /** An immutable copy, empty for null; names with no addresses left are dropped. */
    public static Map<String, List<String>> copyOf(Map<String, List<String>> addresses) {
        if (addresses == null || addresses.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        addresses.forEach((name, list) -> {
            if (list != null && !list.isEmpty()) {
                copy.put(Objects.requireNonNull(name, "resource name"), List.copyOf(list));
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /** An immutable copy of amounts asked, empty for null; zero amounts are dropped. */
    public static Map<String, Integer> copyOfAmounts(Map<String, Integer> amounts) {
        if (amounts == null || amounts.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> copy = new LinkedHashMap<>();
        amounts.forEach((name, amount) -> {
            if (amount != null && amount > 0) {
                copy.put(Objects.requireNonNull(name, "resource name"), amount);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Both sets of addresses together (assigning addresses to a child adds them to its worker's used ones). */
    public static Map<String, List<String>> plus(Map<String, List<String>> a, Map<String, List<String>> b) {
        if (b.isEmpty()) {
            return a;
        }
        Map<String, List<String>> sum = new LinkedHashMap<>(a);
        b.forEach((name, list) -> sum.merge(name, list, (x, y) -> {
            List<String> both = new ArrayList<>(x);
            both.addAll(y);
            return both;
        }));
        return copyOf(sum);
    }

    /** {@code a} without the addresses in {@code b} (a child that ended gives its addresses back). */
    public static Map<String, List<String>> minus(Map<String, List<String>> a, Map<String, List<String>> b) {
        if (b.isEmpty() || a.isEmpty()) {
            return a;
        }
        Map<String, List<String>> rest = new LinkedHashMap<>();
        a.forEach((name, list) -> {
            List<String> gone = b.get(name);
            if (gone == null) {
                rest.put(name, list);
            } else {
                Set<String> drop = new HashSet<>(gone);
                rest.put(name, list.stream().filter(address -> !drop.contains(address)).toList());
            }
        });
        return copyOf(rest);
    }

    /** How many addresses of each name: what an offer amounts to. */
    public static Map<String, Integer> amounts(Map<String, List<String>> addresses) {
        Map<String, Integer> amounts = new LinkedHashMap<>();
        addresses.forEach((name, list) -> amounts.put(name, list.size()));
        return Collections.unmodifiableMap(amounts);
    }

    /** Whether {@code free} holds at least the amounts asked. */
    public static boolean covers(Map<String, List<String>> free, Map<String, Integer> asked) {
        for (Map.Entry<String, Integer> ask : asked.entrySet()) {
            List<String> available = free.get(ask.getKey());
            if (available == null || available.size() < ask.getValue()) {
                return false;
            }
        }
        return true;
    }
}
