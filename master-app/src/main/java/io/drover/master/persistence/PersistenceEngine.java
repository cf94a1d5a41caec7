package io.drover.master.persistence;

import java.util.List;

/**
 * Where the master keeps what must survive it: workers and drivers that have not ended.
 *
 * <p>The contract, after Spark's: a record is persisted before the change it describes is acknowledged
 * to anyone (a submission answers {@code 201} only after {@link #persist} returned), and unpersisted
 * once it no longer matters. Calls come from the state store's inbox thread only, one at a time, so an
 * implementation needs no locking of its own. Keys are {@code <kind>_<id>}.
 */
public interface PersistenceEngine extends AutoCloseable {

    void persist(String key, Object record);

    void unpersist(String key);

    /** Every record whose key starts with {@code prefix}, for a master that takes over. */
    <T> List<T> read(String prefix, Class<T> type);

    @Override
    default void close() {
    }
}
