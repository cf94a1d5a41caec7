package io.drover.master.state.storage;

import io.drover.master.persistence.Epochs;
import io.drover.master.persistence.PersistenceEngine;
import io.drover.master.persistence.WriteBatch;
import io.drover.master.state.machine.IdCounters;
import io.drover.master.state.machine.MasterState;
import io.drover.master.state.machine.RecoveredState;
import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.ids.ExecutorIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's state as the store keeps it. It takes the store over for a new leadership (epoch, then every
 * record, rebuilt into entries), and turns the changes of a batch of commands into one write of the
 * records that really changed: a record equal to the one last written is not written again, so a placement
 * that only changes a worker's used cores costs nothing.
 *
 * <p>Used from one thread at a time: the master taking over, then the state store's inbox thread. The engine
 * belongs to whoever made it, who closes it.
 */
public final class StateStorage {

    private static final Logger log = LoggerFactory.getLogger(StateStorage.class);

    private final PersistenceEngine engine;
    private final RecordCodec codec = new RecordCodec();
    /** The record last written (or read) under each key. */
    private final Map<String, StoredRecord> written = new HashMap<>();

    public StateStorage(PersistenceEngine engine) {
        this.engine = engine;
    }

    public String describe() {
        return engine.describe();
    }

    public boolean durable() {
        return engine.durable();
    }

    /**
     * Takes the store over under a new leader epoch and reads everything in it.
     *
     * @throws io.drover.master.persistence.UnreadableStateException when a record cannot be understood
     * @throws io.drover.master.persistence.PersistenceException when the store cannot be reached
     */
    public RecoveredState takeOver() {
        long epoch = engine.takeOver();
        SortedMap<String, byte[]> records = engine.readAll();
        written.clear();
        return decode(epoch, records);
    }

    private RecoveredState decode(long epoch, SortedMap<String, byte[]> records) {
        String where = engine.describe();
        IdCounters counters = IdCounters.START;
        List<WorkerEntry> workers = new ArrayList<>();
        List<DriverEntry> drivers = new ArrayList<>();
        Map<String, StoredApplication> apps = new TreeMap<>();
        Map<String, Map<Integer, ExecutorEntry>> executors = new HashMap<>();
        // Decoding is most of a take-over's time (tens of thousands of JSON records), and each record decodes
        // on its own: in parallel, in key order; what it builds is then assembled on this thread.
        List<Map.Entry<String, byte[]>> entries = List.copyOf(records.entrySet());
        List<Optional<StoredRecord>> decoded = entries.parallelStream()
                .map(record -> decodeOne(record.getKey(), record.getValue(), where)).toList();
        for (int i = 0; i < entries.size(); i++) {
            String key = entries.get(i).getKey();
            StoredRecord record = decoded.get(i).orElse(null);
            if (record instanceof StoredWorker worker) {
                workers.add(StoredRecords.entry(remember(key, worker)));
            } else if (record instanceof StoredDriver driver) {
                drivers.add(StoredRecords.entry(remember(key, driver)));
            } else if (record instanceof StoredApplication app) {
                apps.put(app.appId(), remember(key, app));
            } else if (record instanceof StoredExecutor stored) {
                ExecutorEntry e = StoredRecords.entry(remember(key, stored));
                executors.computeIfAbsent(e.appId(), id -> new TreeMap<>()).put(e.executorId(), e);
            } else if (record instanceof StoredCounters stored) {
                counters = StoredRecords.entry(remember(key, stored));
            } else if (!key.equals(Epochs.KEY)) {
                log.warn("Ignoring the unknown record {} in {}", key, where);
            }
        }
        executors.keySet().stream().filter(appId -> !apps.containsKey(appId)).forEach(appId ->
                log.warn("Ignoring stored executors of {}: its application is not in {}", appId, where));
        List<ApplicationEntry> applications = new ArrayList<>();
        apps.values().forEach(a -> applications.add(StoredRecords.entry(a,
                new LinkedHashMap<>(executors.getOrDefault(a.appId(), Map.of())))));
        // Active ones in submission order; ended ones in the order they ended, as the retained lists keep them.
        drivers.sort(Comparator.comparing((DriverEntry d) -> d.endedAt() == null ? 0 : 1)
                .thenComparing(d -> d.endedAt() == null ? d.submittedAt() : d.endedAt())
                .thenComparingLong(DriverEntry::seq));
        applications.sort(Comparator.comparing((ApplicationEntry a) -> a.endedAt() == null ? 0 : 1)
                .thenComparing(a -> a.endedAt() == null ? a.submittedAt() : a.endedAt())
                .thenComparingLong(ApplicationEntry::seq));
        return new RecoveredState(epoch, counters, workers, drivers, applications);
    }

    /** The record under {@code key}, by the kind its key names; empty for the epoch and unknown keys. */
    private Optional<StoredRecord> decodeOne(String key, byte[] bytes, String where) {
        Class<? extends StoredRecord> type = key.startsWith(StoreKeys.WORKER) ? StoredWorker.class
                : key.startsWith(StoreKeys.DRIVER) ? StoredDriver.class
                : key.startsWith(StoreKeys.APP) ? StoredApplication.class
                : key.startsWith(StoreKeys.EXECUTOR) ? StoredExecutor.class
                : key.equals(StoreKeys.COUNTERS) ? StoredCounters.class : null;
        return type == null ? Optional.empty() : Optional.of(codec.decode(key, bytes, type, where));
    }

    private <T extends StoredRecord> T remember(String key, T record) {
        written.put(key, record);
        return record;
    }

    /**
     * Writes what changed in one batch, as the snapshot has it now, in one durable write.
     *
     * @return how many records were written or deleted
     * @throws io.drover.master.persistence.PersistenceException when the write could not be made durable
     */
    public int write(MasterState.Changes changes, ClusterSnapshot snapshot) {
        WriteBatch batch = new WriteBatch();
        changes.workers().forEach(id -> put(batch, StoreKeys.worker(id),
                snapshot.worker(id).map(StoredRecords::of)));
        changes.drivers().forEach(id -> put(batch, StoreKeys.driver(id),
                snapshot.driver(id).map(StoredRecords::of)));
        changes.applications().forEach(id -> put(batch, StoreKeys.app(id),
                snapshot.application(id).map(StoredRecords::of)));
        changes.executors().forEach(key -> put(batch, StoreKeys.executor(key), executor(snapshot, key)));
        if (changes.counters() != null) {
            put(batch, StoreKeys.COUNTERS, Optional.of(StoredRecords.of(changes.counters())));
        }
        if (changes.epoch() != null) {
            batch.put(Epochs.KEY, Epochs.encode(changes.epoch()));
        }
        engine.write(batch);
        return batch.size();
    }

    private static Optional<StoredRecord> executor(ClusterSnapshot snapshot, String executorKey) {
        return ExecutorIds.parseKey(executorKey)
                .flatMap(key -> snapshot.application(key.appId()).map(app -> app.executors().get(key.executorId())))
                .map(StoredRecords::of);
    }

    private void put(WriteBatch batch, String key, Optional<? extends StoredRecord> record) {
        if (record.isEmpty()) {
            if (written.remove(key) != null) {
                batch.delete(key);
            }
            return;
        }
        StoredRecord value = record.get();
        if (!value.equals(written.get(key))) {
            batch.put(key, codec.encode(value));
            written.put(key, value);
        }
    }

    /** After a failed write nothing of it may be assumed: what was last written is read again on takeover. */
    public void forget() {
        written.clear();
    }
}
