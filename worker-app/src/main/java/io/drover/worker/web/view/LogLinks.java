package io.drover.worker.web.view;

import io.drover.protocol.Paths;

/**
 * Where a driver's or an executor's log is, as a page and as the byte-range API the page reads. The page
 * paths are fixed: the master's pages link to them on every worker.
 */
public final class LogLinks {

    public static final String DRIVER_PAGE = "/logs/{driverId}/{stream}";
    public static final String EXECUTOR_PAGE = "/logs/{appId}/{executorId}/{stream}";

    private LogLinks() {
    }

    static String driverPage(String driverId, String stream) {
        return DRIVER_PAGE.replace("{driverId}", driverId).replace("{stream}", stream);
    }

    static String executorPage(String appId, int executorId, String stream) {
        return EXECUTOR_PAGE.replace("{appId}", appId).replace("{executorId}", Integer.toString(executorId))
                .replace("{stream}", stream);
    }

    static String driverApi(String driverId, String stream) {
        return Paths.WORKER_DRIVER_LOG.replace("{driverId}", driverId).replace("{stream}", stream);
    }

    static String executorApi(String appId, int executorId, String stream) {
        return Paths.WORKER_EXECUTOR_LOG.replace("{appId}", appId)
                .replace("{executorId}", Integer.toString(executorId)).replace("{stream}", stream);
    }
}
