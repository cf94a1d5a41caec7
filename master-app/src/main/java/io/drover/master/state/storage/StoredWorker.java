package io.drover.master.state.storage;

import io.drover.protocol.state.WorkerState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A worker as stored under {@code worker/<id>}. What runs on it is not stored here: it follows from the
 * drivers and executors placed on it, so placing work never rewrites the worker.
 *
 * @param protocolUrl where it takes the master's calls (its internal connector); may be absent in format 1
 *     records written before it was kept, which then mean {@code url}
 * @param resources the custom resources it offered, addresses by name; absent in earlier format 1 records (none)
 * @param attributes what it registered itself as; absent in earlier format 1 records (none)
 * @param drainSince when its decommission began; null unless it is or was decommissioned
 * @param drainReason why, and who asked
 * @param isolation how it confines its children, as it last registered; absent in earlier format 1 records
 *     (not said)
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
        Instant deadSince,
        String protocolUrl,
        Map<String, List<String>> resources,
        Map<String, String> attributes,
        Instant drainSince,
        String drainReason,
        String isolation) implements StoredRecord {
}
