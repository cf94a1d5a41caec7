package io.drover.master.state.storage;

import io.drover.master.persistence.Epochs;

/** The keys of the stored records: small, one per thing, so one change rewrites one small record. */
final class StoreKeys {

    static final String WORKER = "worker/";
    static final String DRIVER = "driver/";
    static final String APP = "app/";
    static final String EXECUTOR = "executor/";
    static final String COUNTERS = "meta/counters";
    static final String EPOCH = Epochs.KEY;

    static String worker(String workerId) {
        return WORKER + workerId;
    }

    static String driver(String driverId) {
        return DRIVER + driverId;
    }

    static String app(String appId) {
        return APP + appId;
    }

    /** @param executorKey {@code <appId>/<executorId>} */
    static String executor(String executorKey) {
        return EXECUTOR + executorKey;
    }

    private StoreKeys() {
    }
}
