package io.drover.worker.runner;

import io.drover.protocol.internal.WorkerHealth;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.http.HttpConnectTimeoutException;

/**
 * Tells a launch that failed for the worker's own reasons from one that failed for the work's (issue 14, YARN's
 * node health): the former is reported as a refusal ({@code workerFault}), so the master places the work again
 * elsewhere without counting it against the driver or application and marks this worker unhealthy. Worker
 * faults are I/O failures while the worker's own check finds its work directory unwritable or full, and an app
 * resource this host cannot reach ({@link HostCannotFetch}). Policy refusals and everything else stay the work's.
 */
final class WorkerFaults {

    private WorkerFaults() {
    }

    /** An app resource this host could not reach: the network or name service here, not the URL's content. */
    static final class HostCannotFetch extends IOException {
        HostCannotFetch(String message) {
            super(message);
        }
    }

    /** @return the worker's fault to report, or null when the failure is the work's own */
    static String of(Exception failure, WorkerHealth health) {
        if (failure instanceof HostCannotFetch) {
            return failure.getMessage();
        }
        if (failure instanceof IOException && !health.healthy()) {
            return health.reason();
        }
        return null;
    }

    /**
     * Whether a failed download says more about this host's network than about the URL: a refused or timed-out
     * connection, no route. A name that does not resolve is left to the work: a misspelt host fails everywhere,
     * and calling it each worker's fault would pass the driver from worker to worker.
     */
    static boolean isNetworkFault(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
