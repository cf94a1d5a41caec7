package io.drover.master.persistence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The puts and deletes of one batch of commands, in the order they were made; a later change of a key
 * replaces an earlier one. A delete is a key mapped to null.
 */
public final class WriteBatch {

    private final Map<String, byte[]> changes = new LinkedHashMap<>();

    public WriteBatch put(String key, byte[] value) {
        changes.remove(key);
        changes.put(key, value.clone());
        return this;
    }

    public WriteBatch delete(String key) {
        changes.remove(key);
        changes.put(key, null);
        return this;
    }

    /** Key → bytes to store, or null to delete, in the order of the last change of each key. */
    public Map<String, byte[]> changes() {
        return Collections.unmodifiableMap(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public int size() {
        return changes.size();
    }

    /** The bytes this batch writes, for metrics and for engines with a size limit per transaction. */
    public long bytes() {
        long total = 0;
        for (Map.Entry<String, byte[]> e : changes.entrySet()) {
            total += e.getKey().length() + (e.getValue() == null ? 0 : e.getValue().length);
        }
        return total;
    }
}
