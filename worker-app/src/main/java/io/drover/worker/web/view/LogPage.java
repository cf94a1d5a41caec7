package io.drover.worker.web.view;

import io.drover.protocol.api.LocalDriverView;
import io.drover.protocol.api.LocalExecutorView;

/**
 * A log viewer page ({@code /logs/...}): whose log it is and the viewer shell's settings. The text itself
 * never passes through here; the page's script reads it from the byte-range API.
 *
 * @param kind "driver" or "executor"
 * @param subject the driver id, or {@code <appId>/<executorId>}
 * @param name the driver's or the application's name; null when this worker no longer remembers it
 * @param state its state name; null when this worker no longer remembers it (only the log is left)
 */
public record LogPage(String kind, String subject, String name, String state, String stream, LogViewer viewer) {

    /** A driver's log; {@code known} is what the worker remembers of it, or null. */
    public static LogPage driver(String driverId, LocalDriverView known, String stream) {
        LogViewer viewer = new LogViewer(LogLinks.driverApi(driverId, stream), stream,
                LogLinks.driverPage(driverId, "stdout"), LogLinks.driverPage(driverId, "stderr"),
                known != null && !known.state().isTerminal(), LogViewer.CHUNK_BYTES);
        return new LogPage("driver", driverId, known == null ? null : known.name(),
                known == null ? null : known.state().name(), stream, viewer);
    }

    /** An executor's log; {@code known} is what the worker remembers of it, or null. */
    public static LogPage executor(String appId, int executorId, LocalExecutorView known, String stream) {
        LogViewer viewer = new LogViewer(LogLinks.executorApi(appId, executorId, stream), stream,
                LogLinks.executorPage(appId, executorId, "stdout"), LogLinks.executorPage(appId, executorId, "stderr"),
                known != null && !known.state().isTerminal(), LogViewer.CHUNK_BYTES);
        return new LogPage("executor", appId + "/" + executorId, known == null ? null : known.appName(),
                known == null ? null : known.state().name(), stream, viewer);
    }
}
