package io.drover.worker.web;

import io.drover.protocol.api.LocalDriverView;
import io.drover.protocol.api.LocalExecutorView;
import io.drover.protocol.api.WorkerStatus;
import io.drover.protocol.ids.ExecutorIds;
import io.drover.server.ApiException;
import io.drover.worker.api.WorkerStatuses;
import io.drover.worker.logs.LogFiles;
import io.drover.worker.web.view.LogPage;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Decides whether a log page exists and builds it. The ids, the stream and the path go through the same
 * checks as the log API ({@link LogFiles}), so the page refuses what the API would refuse. A page exists
 * for a driver or executor this worker remembers (its log may not be written yet while it launches) or
 * whose log is still on disk after the worker forgot it; anything else is a 404.
 */
@Component
class LogPages {

    private final LogFiles logFiles;
    private final WorkerStatuses statuses;

    LogPages(LogFiles logFiles, WorkerStatuses statuses) {
        this.logFiles = logFiles;
        this.statuses = statuses;
    }

    LogPage driver(String driverId, String stream) {
        boolean onDisk = logFiles.hasDriverLog(driverId, stream);
        WorkerStatus status = statuses.current();
        LocalDriverView known = Stream.concat(status.runningDrivers().stream(), status.finishedDrivers().stream())
                .filter(d -> d.driverId().equals(driverId))
                .findFirst().orElse(null);
        if (known == null && !onDisk) {
            throw ApiException.notFound("driver " + driverId + " is unknown on this worker");
        }
        return LogPage.driver(driverId, known, stream);
    }

    LogPage executor(String appId, String executorId, String stream) {
        boolean onDisk = logFiles.hasExecutorLog(appId, executorId, stream);
        int id = ExecutorIds.parse(executorId).orElseThrow(); // checked by hasExecutorLog
        WorkerStatus status = statuses.current();
        LocalExecutorView known = Stream.concat(status.runningExecutors().stream(), status.finishedExecutors().stream())
                .filter(e -> e.appId().equals(appId) && e.executorId() == id)
                .findFirst().orElse(null);
        if (known == null && !onDisk) {
            throw ApiException.notFound("executor " + appId + "/" + id + " is unknown on this worker");
        }
        return LogPage.executor(appId, id, known, stream);
    }
}
