package io.drover.master.web.view;

import java.util.List;

/**
 * One worker as the master sees it: its fields, what runs on it, and the most recent of what ended there.
 */
public record WorkerPage(
        WorkerRow worker,
        List<DriverRow> drivers,
        List<ExecutorRow> executors,
        Listing<DriverRow> endedDrivers,
        Listing<ExecutorRow> endedExecutors) {
}
