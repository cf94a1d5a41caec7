package io.drover.master.web.view;

import java.util.List;

/**
 * One application's page: its fields, its live executors and the ones that ended (newest first).
 *
 * @param executorLimit the most executors at once; null means unlimited
 * @param webUiUrl the application's own web UI (a Spark application's UI), when it gave an http(s) one
 * @param message why it is in its state, when there is more to say
 */
public record ApplicationPage(
        ApplicationRow app,
        Integer coresPerExecutor,
        Integer executorLimit,
        String driverUrl,
        String webUiUrl,
        String message,
        List<ExecutorRow> executors,
        List<ExecutorRow> endedExecutors) {
}
