package io.drover.master.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * Recovery mode LOCAL: an embedded RocksDB database in {@code <data-dir>/state}, the engine Spark 4 uses for
 * its own recovery store. Every batch is one RocksDB write batch with {@code sync}, so it is atomic and on
 * disk when {@link #write} returns, and a crash at any moment leaves the last acknowledged batch readable.
 *
 * <p>It refuses, rather than repairs or overwrites: a path that is not a directory, a directory with files
 * but no database in it, and a database RocksDB cannot open (corrupt, unreadable) all fail with a message
 * naming the path.
 */
public final class RocksDbPersistenceEngine implements PersistenceEngine {

    private final Path dir;
    private final Options options;
    private final RocksDbLog logger;
    private final WriteOptions synced;
    private final RocksDB db;

    private RocksDbPersistenceEngine(Path dir, Options options, RocksDbLog logger, RocksDB db) {
        this.dir = dir;
        this.options = options;
        this.logger = logger;
        this.db = db;
        this.synced = new WriteOptions().setSync(true);
    }

    /**
     * Opens the database in {@code dir}, creating it only where nothing is yet.
     *
     * @throws UnreadableStateException when something is there that is not a database RocksDB can open
     */
    public static RocksDbPersistenceEngine open(Path dir) {
        boolean fresh = checkPlace(dir);
        RocksDbLibrary.load();
        RocksDbLog logger = new RocksDbLog();
        Options options = new Options()
                .setCreateIfMissing(fresh)
                .setErrorIfExists(false)
                .setParanoidChecks(true)
                .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                .setLogger(logger);
        try {
            if (fresh) {
                Files.createDirectories(dir);
            }
            return new RocksDbPersistenceEngine(dir, options, logger, RocksDB.open(options, dir.toString()));
        } catch (RocksDBException | IOException e) {
            options.close();
            logger.close();
            throw new UnreadableStateException("The master's state in " + dir + " cannot be opened: "
                    + e.getMessage() + ". Nothing was changed there; fix or move it, or start with another "
                    + "drover.master.data-dir.", e);
        }
    }

    /** True when nothing is at {@code dir} yet (or an empty directory): the only case where we create. */
    private static boolean checkPlace(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            throw new UnreadableStateException("The master's state path " + dir + " is not a directory");
        }
        try (Stream<Path> files = Files.list(dir)) {
            boolean empty = files.findAny().isEmpty();
            if (!empty && !Files.exists(dir.resolve("CURRENT"))) {
                throw new UnreadableStateException("The master's state directory " + dir
                        + " holds files but no RocksDB database (no CURRENT file); refusing to overwrite it");
            }
            return empty;
        } catch (IOException e) {
            throw new UnreadableStateException("The master's state directory " + dir + " cannot be read: " + e, e);
        }
    }

    @Override
    public long takeOver() {
        try {
            long epoch = Epochs.decode(db.get(key(Epochs.KEY)), describe()) + 1;
            db.put(synced, key(Epochs.KEY), Epochs.encode(epoch));
            return epoch;
        } catch (RocksDBException e) {
            throw new PersistenceException("Could not store the leader epoch in " + describe() + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public SortedMap<String, byte[]> readAll() {
        SortedMap<String, byte[]> records = new TreeMap<>();
        try (RocksIterator it = db.newIterator()) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                records.put(new String(it.key(), StandardCharsets.UTF_8), it.value());
            }
            it.status();
        } catch (RocksDBException e) {
            throw new UnreadableStateException("The master's state in " + dir + " cannot be read: " + e.getMessage(),
                    e);
        }
        return records;
    }

    @Override
    public void write(WriteBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        try (org.rocksdb.WriteBatch rocks = new org.rocksdb.WriteBatch()) {
            for (Map.Entry<String, byte[]> change : batch.changes().entrySet()) {
                if (change.getValue() == null) {
                    rocks.delete(key(change.getKey()));
                } else {
                    rocks.put(key(change.getKey()), change.getValue());
                }
            }
            db.write(synced, rocks);
        } catch (RocksDBException e) {
            throw new PersistenceException("Could not write " + batch.size() + " records to " + describe() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "RocksDB at " + dir;
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public void close() {
        synced.close();
        db.close();
        options.close();
        logger.close();
    }


    private static byte[] key(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
