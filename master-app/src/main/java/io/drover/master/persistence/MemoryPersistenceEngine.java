package io.drover.master.persistence;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Recovery mode NONE: records kept in memory only, so nothing survives the master process. For tests and
 * benchmarks; the master warns at every start that it runs this way. It still obeys the engine contract, so
 * everything above it behaves as with a durable store.
 */
public final class MemoryPersistenceEngine implements PersistenceEngine {

    private final TreeMap<String, byte[]> records = new TreeMap<>();

    @Override
    public synchronized long takeOver() {
        long epoch = Epochs.decode(records.get(Epochs.KEY), describe()) + 1;
        records.put(Epochs.KEY, Epochs.encode(epoch));
        return epoch;
    }

    @Override
    public synchronized SortedMap<String, byte[]> readAll() {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        records.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    @Override
    public synchronized void write(WriteBatch batch) {
        for (Map.Entry<String, byte[]> change : batch.changes().entrySet()) {
            if (change.getValue() == null) {
                records.remove(change.getKey());
            } else {
                records.put(change.getKey(), change.getValue().clone());
            }
        }
    }

    @Override
    public String describe() {
        return "memory (recovery mode NONE)";
    }

    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public void close() {
    }
}
