package io.drover.protocol.api;

import io.drover.protocol.state.WorkerState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One worker as the master sees it: its totals, what is used, and the drivers and executors
 * ({@code <appId>/<executorId>}) it runs.
 *
 * @param resources the custom resources it offers, addresses by name
 * @param resourcesUsed the addresses assigned to its drivers and executors that have not ended, by name
 * @param attributes what it registered itself as ({@code spark.version}: …); placement may require them
 * @param decommissioning whether it is being decommissioned: it gets no new work, and ends DECOMMISSIONED once
 *     nothing runs there or it has left
 * @param decommissionReason why, and who asked, while decommissioning or decommissioned; null otherwise
 * @param healthy false while it is left out of placement for its own problem (its health check failed, or it
 *     refused a launch for its own reasons) until a health report says it is fine
 * @param healthReason that problem; null while healthy
 */
public record WorkerView(
        String workerId,
        String host,
        int port,
        String url,
        WorkerState state,
        int cores,
        int coresUsed,
        long memoryMb,
        long memoryUsedMb,
        Instant registeredAt,
        Instant lastHeartbeat,
        List<String> driverIds,
        List<String> executors,
        Map<String, List<String>> resources,
        Map<String, List<String>> resourcesUsed,
        Map<String, String> attributes,
        Boolean decommissioning,
        String decommissionReason,
        Boolean healthy,
        String healthReason,
        String isolation) {

    /** The fields issue 14 added are boxed and defaulted, so a reply from an earlier master still reads. */
    public WorkerView {
        decommissioning = decommissioning != null && decommissioning;
        healthy = healthy == null || healthy;
        driverIds = driverIds == null ? List.of() : List.copyOf(driverIds);
        executors = executors == null ? List.of() : List.copyOf(executors);
        resources = resources == null ? Map.of() : resources;
        resourcesUsed = resourcesUsed == null ? Map.of() : resourcesUsed;
        attributes = attributes == null ? Map.of() : attributes;
    }
}
