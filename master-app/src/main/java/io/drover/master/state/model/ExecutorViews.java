package io.drover.master.state.model;

import io.drover.protocol.api.ExecutorView;

/** Maps an executor to its API record; shared by the API views and the events the state machine publishes. */
public final class ExecutorViews {

    private ExecutorViews() {
    }

    public static ExecutorView of(ExecutorEntry e, String workerUrl) {
        return new ExecutorView(e.appId(), e.executorId(), e.workerId(), workerUrl, e.cores(), e.memoryMb(),
                e.state(), e.exitCode(), e.message(), e.launchedAt(), e.runningSince(), e.endedAt(), e.pid(),
                e.resourceAddresses());
    }
}
