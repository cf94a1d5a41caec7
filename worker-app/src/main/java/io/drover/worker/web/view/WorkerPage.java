package io.drover.worker.web.view;

import io.drover.protocol.api.WorkerStatus;
import java.util.List;

/**
 * The worker's overview page ({@code /}): who it is, the master it follows, what it offers and uses, and
 * its drivers and executors, running and recently finished (newest first).
 *
 * @param workerId null until the web server listens and the worker has named itself
 * @param masterUrl the master it last registered with; null before the first registration
 * @param connected whether it is registered with that master now (false while it registers again)
 */
public record WorkerPage(String workerId, String url, String masterUrl, long masterEpoch, boolean connected,
        int cores, int coresUsed, String memory, String memoryUsed, String workDir,
        List<ExecutorRow> runningExecutors, List<ExecutorRow> finishedExecutors,
        List<DriverRow> runningDrivers, List<DriverRow> finishedDrivers) {

    public static WorkerPage of(WorkerStatus s) {
        return new WorkerPage(s.workerId(), s.url(), s.masterUrl(), s.epoch(), s.registered(),
                s.cores(), s.coresUsed(), Formats.mebibytes(s.memoryMb()), Formats.mebibytes(s.memoryUsedMb()),
                s.workDir(),
                s.runningExecutors().stream().map(ExecutorRow::of).toList(),
                s.finishedExecutors().stream().map(ExecutorRow::of).toList(),
                s.runningDrivers().stream().map(DriverRow::of).toList(),
                s.finishedDrivers().stream().map(DriverRow::of).toList());
    }
}
