package io.drover.master.web.view;

import java.util.List;

/** Everything the overview page at {@code /} shows. */
public record OverviewPage(
        ClusterSummary summary,
        List<WorkerRow> workers,
        Listing<ApplicationRow> activeApplications,
        Listing<ApplicationRow> completedApplications,
        Listing<DriverRow> activeDrivers,
        Listing<DriverRow> completedDrivers,
        List<QueueRow> queues) {
}
