package io.drover.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.drover.protocol.state.MasterStatus;
import java.util.List;

/**
 * {@code GET /api/v1/cluster}: what the cluster holds, totals counting alive workers only. By default a summary,
 * without the lists (issue 13: with 10,000 workers the whole document is megabytes); with {@code ?full=true}
 * the whole state in one document, like Spark's {@code /json}. Empty lists are left out of the JSON, and read
 * back as empty.
 *
 * @param status this master's lifecycle state; only an ALIVE master takes submissions
 * @param epoch the leader epoch it acts under (0 while it has never led)
 * @param leaderUrl the URL of the master that leads the cluster, when known (this one while it leads)
 * @param queues the scheduling queues with their shares and work (as {@code GET /api/v1/queues})
 */
public record ClusterView(
        String url,
        MasterStatus status,
        long epoch,
        String leaderUrl,
        int aliveWorkers,
        int deadWorkers,
        int cores,
        int coresUsed,
        long memoryMb,
        long memoryUsedMb,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<WorkerView> workers,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DriverView> activeDrivers,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DriverView> completedDrivers,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ApplicationView> activeApplications,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ApplicationView> completedApplications,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<QueueView> queues) {

    public ClusterView {
        workers = workers == null ? List.of() : List.copyOf(workers);
        activeDrivers = activeDrivers == null ? List.of() : List.copyOf(activeDrivers);
        completedDrivers = completedDrivers == null ? List.of() : List.copyOf(completedDrivers);
        activeApplications = activeApplications == null ? List.of() : List.copyOf(activeApplications);
        completedApplications = completedApplications == null ? List.of() : List.copyOf(completedApplications);
        queues = queues == null ? List.of() : List.copyOf(queues);
    }
}
