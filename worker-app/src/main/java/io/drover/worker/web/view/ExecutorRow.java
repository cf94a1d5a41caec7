package io.drover.worker.web.view;

import io.drover.protocol.api.LocalExecutorView;

/** One executor in the worker page's tables. {@code exitCode} and {@code ended} are null while it runs. */
public record ExecutorRow(String appId, String appName, int executorId, String state, int cores, String memory,
        Stamp started, Stamp ended, Integer exitCode, String message, String stdoutPage, String stderrPage) {

    static ExecutorRow of(LocalExecutorView e) {
        return new ExecutorRow(e.appId(), e.appName(), e.executorId(), e.state().name(), e.cores(),
                Formats.mebibytes(e.memoryMb()), Stamp.of(e.startedAt()), Stamp.of(e.endedAt()), e.exitCode(),
                e.message(), LogLinks.executorPage(e.appId(), e.executorId(), "stdout"),
                LogLinks.executorPage(e.appId(), e.executorId(), "stderr"));
    }
}
