package io.drover.worker.runner;

import io.drover.protocol.internal.WorkerHealth;
import java.io.IOException;

/**
 * Tells a launch that failed for the worker's own reasons from one that failed for the work's (issue 14, YARN's
 * node health): the former is reported as a refusal ({@code workerFault}), so the master places the work again
 * elsewhere without counting it against the driver or application and marks this worker unhealthy. A worker
 * fault is an I/O failure (its directory, its resources file, the copy of its app resource, its logs) while the
 * worker's own check finds its work directory unwritable or full. Everything else stays the work's, a failed
 * download included: whether a port is closed must not show in what a submitter sees (issue 10), and a URL
 * nobody can reach would otherwise be passed from worker to worker.
 */
final class WorkerFaults {

    private WorkerFaults() {
    }

    /** @return the worker's fault to report, or null when the failure is the work's own */
    static String of(Exception failure, WorkerHealth health) {
        return failure instanceof IOException && !health.healthy() ? health.reason() : null;
    }
}
