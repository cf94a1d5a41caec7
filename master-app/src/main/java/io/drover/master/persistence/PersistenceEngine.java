package io.drover.master.persistence;

import java.util.SortedMap;

/**
 * Where the master keeps what must survive it: a store of small records by key ({@code worker/<id>},
 * {@code driver/<id>}, {@code app/<id>}, {@code executor/<appId>/<n>}, {@code meta/...}), as bytes. What the
 * bytes mean is the state package's business; an engine only keeps them.
 *
 * <p>The contract, after Spark's {@code PersistenceEngine}, made stricter: a change is written before it is
 * acknowledged to anyone, in one atomic and synced {@link #write} per batch of commands (group commit); a
 * write that fails throws, and the master then stops acting until it has reloaded the store, so memory is
 * never ahead of it. Calls come from one thread at a time (the state store's inbox, or the master taking
 * over before that thread acts), so an implementation needs no locking of its own.
 */
public interface PersistenceEngine extends AutoCloseable {

    /**
     * Takes the store over for a new leadership: raises the stored leader epoch by one, durably, and returns
     * it. Where several masters share the store, this also fences the ones that led before: their writes fail
     * from now on.
     *
     * @throws PersistenceException when the store cannot be reached or written
     */
    long takeOver();

    /**
     * Every record, by key, in key order: what a master that takes over rebuilds its state from.
     *
     * @throws PersistenceException when the store cannot be read
     */
    SortedMap<String, byte[]> readAll();

    /**
     * Applies every put and delete of the batch, all or nothing, and returns once they are durable.
     *
     * @throws PersistenceException when the batch could not be made durable; nothing of it may be assumed
     */
    void write(WriteBatch batch);

    /** What and where this store is, for log lines: "RocksDB at /var/lib/drover/state". */
    String describe();

    /** Whether this engine keeps anything across a restart of the master (false for NONE). */
    boolean durable();

    @Override
    void close();
}
