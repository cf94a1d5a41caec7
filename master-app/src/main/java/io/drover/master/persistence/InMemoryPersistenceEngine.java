package io.drover.master.persistence;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Keeps records in memory: nothing survives the master process. The default until a durable recovery
 * mode is configured; it keeps the persistence contract exercised meanwhile.
 */
public final class InMemoryPersistenceEngine implements PersistenceEngine {

    private final Map<String, Object> records = new ConcurrentSkipListMap<>();

    @Override
    public void persist(String key, Object record) {
        records.put(key, record);
    }

    @Override
    public void unpersist(String key) {
        records.remove(key);
    }

    @Override
    public <T> List<T> read(String prefix, Class<T> type) {
        return records.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(Map.Entry::getValue)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }
}
