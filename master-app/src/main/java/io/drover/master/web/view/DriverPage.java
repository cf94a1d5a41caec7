package io.drover.master.web.view;

import java.time.Instant;
import java.util.List;

/**
 * One driver's page.
 *
 * @param program what it runs: the JVM main class or the executable (never its arguments or environment,
 *     which may hold secrets)
 * @param workerUiUrl the UI of the worker it runs or ran on, or null
 * @param stdoutUrl its stdout in that worker's log viewer ({@code <worker>/logs/<driverId>/stdout}), or null
 * @param applications the applications it registered
 */
public record DriverPage(
        DriverRow driver,
        String program,
        String appResource,
        Instant launchedAt,
        Instant startedAt,
        String message,
        String workerUiUrl,
        String stdoutUrl,
        String stderrUrl,
        List<ApplicationRow> applications) {
}
