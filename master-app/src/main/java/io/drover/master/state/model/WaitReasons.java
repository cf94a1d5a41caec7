package io.drover.master.state.model;

import java.util.Map;

/**
 * Why what waits waits, as the latest placement round saw it: by driver id, and by application id for
 * applications that want executors and got none. Kept in memory only: every round says it again, and a master
 * that took over says it at its first round.
 */
public record WaitReasons(Map<String, String> drivers, Map<String, String> applications) {

    public static final WaitReasons NONE = new WaitReasons(Map.of(), Map.of());

    public WaitReasons {
        drivers = Map.copyOf(drivers);
        applications = Map.copyOf(applications);
    }

    public String driver(String driverId) {
        return drivers.get(driverId);
    }

    public String application(String appId) {
        return applications.get(appId);
    }
}
