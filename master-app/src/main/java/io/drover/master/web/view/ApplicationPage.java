package io.drover.master.web.view;

import java.util.List;

/**
 * One application's page: its fields, its live executors and the ones that ended (newest first).
 *
 * @param executorLimit the most executors at once; null means unlimited
 * @param message why it is in its state, when there is more to say
 */
public record ApplicationPage(
        ApplicationRow app,
        Integer coresPerExecutor,
        Integer executorLimit,
        String driverUrl,
        String message,
        List<ExecutorRow> executors,
        List<ExecutorRow> endedExecutors) {
}
