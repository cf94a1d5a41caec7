package io.drover.master.state.storage;

import io.drover.protocol.state.WorkerState;
import java.time.Instant;

/**
 * A worker as stored under {@code worker/<id>}. What runs on it is not stored here: it follows from the
 * drivers and executors placed on it, so placing work never rewrites the worker.
 */
record StoredWorker(
        int version,
        String workerId,
        String host,
        int port,
        String url,
        int cores,
        long memoryMb,
        WorkerState state,
        Instant registeredAt,
        Instant deadSince) implements StoredRecord {
}
