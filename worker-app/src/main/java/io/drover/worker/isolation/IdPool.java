package io.drover.worker.isolation;

import io.drover.worker.config.UidRange;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands out ids (uids and gids) from {@link UidRange}, one holder at a time across the whole machine: an id
 * is taken by locking a file named after it in a root-only directory, so two workers on one host (or in one
 * JVM) never give the same uid to two children, and a worker that dies frees its ids with its locks.
 * Allocation goes round the range from a random start rather than reusing the lowest free id, so a uid is
 * rarely handed out again soon after its previous holder left files behind in shared places like /tmp.
 */
final class IdPool {

    /** Root-only: a child that could lock files here could starve the pool. */
    static final Path DEFAULT_LOCKS = Path.of("/run/drover/ids");

    /**
     * Ids held by any pool of this JVM. Checked before a lock file is even opened: POSIX locks belong to the
     * process, and closing any channel on a file would drop another pool's lock on it.
     */
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final UidRange range;
    private final Path locks;
    private final Map<Integer, FileLock> held = new HashMap<>();
    private int cursor;

    IdPool(UidRange range, Path locks) throws IOException {
        this.range = range;
        this.locks = locks;
        this.cursor = ThreadLocalRandom.current().nextInt(range.size());
        Files.createDirectories(locks, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(locks, PosixFilePermissions.fromString("rwx------"));
    }

    /** @throws IOException when every id of the range is taken */
    synchronized int allocate() throws IOException {
        for (int tried = 0; tried < range.size(); tried++) {
            int id = range.first() + cursor;
            cursor = (cursor + 1) % range.size();
            if (tryLock(id)) {
                return id;
            }
        }
        throw new IOException("every uid of drover.worker.uid-range " + range.first() + "-" + range.last()
                + " is in use");
    }

    synchronized void release(int id) {
        FileLock lock = held.remove(id);
        if (lock == null) {
            return;
        }
        try {
            lock.channel().close(); // releases the lock
        } catch (IOException e) {
            // the lock goes with the channel either way
        } finally {
            HELD_IN_THIS_JVM.remove(lockFile(id));
        }
    }

    private boolean tryLock(int id) throws IOException {
        Path file = lockFile(id);
        if (!HELD_IN_THIS_JVM.add(file)) {
            return false;
        }
        FileLock lock = null;
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // cannot happen while HELD_IN_THIS_JVM is consulted first; treated as taken
        } finally {
            if (lock == null) {
                channel.close();
                HELD_IN_THIS_JVM.remove(file);
            }
        }
        if (lock == null) {
            return false; // another process holds it
        }
        held.put(id, lock);
        return true;
    }

    private Path lockFile(int id) {
        return locks.resolve(Integer.toString(id));
    }
}
