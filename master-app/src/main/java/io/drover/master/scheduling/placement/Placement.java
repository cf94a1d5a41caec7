package io.drover.master.scheduling.placement;

import java.util.List;
import java.util.Map;

/**
 * What one round decided: drivers and executors to launch, in the order they were decided, and for
 * everything left waiting the reason why.
 *
 * @param driverReasons why each waiting driver was not placed, by driver id
 * @param appReasons why each application that wants executors got none this round, by application id
 */
public record Placement(List<DriverDecision> drivers, List<ExecutorDecision> executors,
        Map<String, String> driverReasons, Map<String, String> appReasons) {

    public Placement {
        drivers = List.copyOf(drivers);
        executors = List.copyOf(executors);
        driverReasons = Map.copyOf(driverReasons);
        appReasons = Map.copyOf(appReasons);
    }
}
