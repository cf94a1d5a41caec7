package io.drover.worker.web.view;

import io.drover.protocol.api.LocalDriverView;

/** One driver in the worker page's tables. {@code exitCode} and {@code ended} are null while it runs. */
public record DriverRow(String driverId, String name, String state, int cores, String memory, Stamp started,
        Stamp ended, Integer exitCode, int restarts, String message, String stdoutPage, String stderrPage) {

    static DriverRow of(LocalDriverView d) {
        return new DriverRow(d.driverId(), d.name(), d.state().name(), d.cores(), Formats.mebibytes(d.memoryMb()),
                Stamp.of(d.startedAt()), Stamp.of(d.endedAt()), d.exitCode(), d.restarts(), d.message(),
                LogLinks.driverPage(d.driverId(), "stdout"), LogLinks.driverPage(d.driverId(), "stderr"));
    }
}
