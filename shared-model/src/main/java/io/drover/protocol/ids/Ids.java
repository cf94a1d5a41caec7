package io.drover.protocol.ids;

import java.util.regex.Pattern;

/**
 * The id patterns of DESIGN.md §1. Ids travel as plain strings; these patterns are the one place that
 * says what a well-formed id looks like, so a path variable can be checked before it is used as a key
 * or, on a worker, as a directory name.
 */
public final class Ids {

    public static final String DRIVER_ID_REGEX = "driver-\\d{14}-\\d{4,}";
    public static final String APP_ID_REGEX = "app-\\d{14}-\\d{4,}";
    public static final String WORKER_ID_REGEX = "worker-\\d{14}-[A-Za-z0-9.\\-]{1,253}-\\d{1,5}";

    private static final Pattern DRIVER_ID = Pattern.compile(DRIVER_ID_REGEX);
    private static final Pattern APP_ID = Pattern.compile(APP_ID_REGEX);
    private static final Pattern WORKER_ID = Pattern.compile(WORKER_ID_REGEX);

    private Ids() {
    }

    public static boolean isDriverId(String id) {
        return id != null && DRIVER_ID.matcher(id).matches();
    }

    public static boolean isAppId(String id) {
        return id != null && APP_ID.matcher(id).matches();
    }

    public static boolean isWorkerId(String id) {
        return id != null && WORKER_ID.matcher(id).matches();
    }
}
