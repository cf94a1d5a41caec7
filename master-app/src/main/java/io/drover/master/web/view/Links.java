package io.drover.master.web.view;

import java.util.Locale;

/**
 * Links into a worker's own UI. A worker advertises its URL when it registers; only http(s) URLs become
 * links, so a worker cannot turn the master's pages into a {@code javascript:} link.
 *
 * <p>The worker's log viewer serves {@code /logs/{appId}/{executorId}/{stdout|stderr}} for executors and
 * {@code /logs/{driverId}/{stdout|stderr}} for drivers (issue 5, the worker pages).
 */
final class Links {

    static final String STDOUT = "stdout";
    static final String STDERR = "stderr";

    private Links() {
    }

    /** The URL without a trailing slash, or null when it is missing or not http(s). */
    static String http(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return null;
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String executorLog(String workerUrl, String appId, int executorId, String stream) {
        String base = http(workerUrl);
        return base == null ? null : base + "/logs/" + appId + "/" + executorId + "/" + stream;
    }

    static String driverLog(String workerUrl, String driverId, String stream) {
        String base = http(workerUrl);
        return base == null ? null : base + "/logs/" + driverId + "/" + stream;
    }
}
