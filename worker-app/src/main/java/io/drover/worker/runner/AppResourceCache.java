package io.drover.worker.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One copy of each app resource per worker (issue 13: an application's 200 executors here copied or downloaded
 * the same jar 200 times). Entries live in {@code <workDir>/.resource-cache/} (the worker's alone, mode 0700),
 * named by a hash of their key, read-only (0444), and each run gets a hard link to one under its own name: a
 * child can read its link and unlink it, but the inode is the worker's and read-only, so no child changes what
 * another run gets. Where no link can be made (another file system, permissions) the run gets a copy.
 *
 * <p>Keys: a {@code file:} source by its real path, size, modification and change times and file key (inode),
 * so a changed source is a new entry; an {@code http:}/{@code https:} URL by the URL, its entry revalidated with
 * the {@link Validators} stored beside it. One lock per key: concurrent launches of one resource fetch it once.
 *
 * <p>An entry no run links any more (link count 1) is deleted by {@link #prune()}, which the work directory
 * cleanup calls at start and on every round; an entry a run replaced meanwhile stays with the runs that link it.
 */
public final class AppResourceCache {

    static final String DIR_NAME = ".resource-cache";
    static final String VALIDATORS_SUFFIX = ".validators";
    private static final String TEMP_PREFIX = ".tmp-";
    /** Far past any fetch in progress, whose temporary file is written to as it goes. */
    private static final Duration ABANDONED_TEMP = Duration.ofHours(1);
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private static final Logger log = LoggerFactory.getLogger(AppResourceCache.class);

    private final Path dir;
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

    AppResourceCache(Path workDir) {
        this.dir = workDir.resolve(DIR_NAME);
    }

    Path dir() {
        return dir;
    }

    /** What a server's last answer left for those who waited while it was asked. */
    enum Answer {
        /** the entry holds what it sent: link it */
        REUSABLE,
        /** it sent no validators: download on your own */
        NOT_REUSABLE,
        /** the fetch failed: so would yours, so soon after */
        FAILED
    }

    /**
     * A key's lock, and the last answer its holders got, for whoever waited meanwhile: a fetch that arrives while
     * another is in flight takes its answer (request collapsing), so 200 launches ask the server once, and fail
     * together rather than one connect timeout after another. Lives as long as anyone holds or waits for the key.
     */
    static final class Slot {
        private final ReentrantLock lock = new ReentrantLock();
        private volatile int users; // changed only inside slots.compute
        private Answer answer; // the fields below under lock
        private long answeredAt;

        void answered(Answer answer) {
            this.answer = answer;
            this.answeredAt = System.nanoTime();
        }

        /** @return the last answer if it came after {@code since} ({@link System#nanoTime}) */
        Optional<Answer> answerSince(long since) {
            return answer != null && answeredAt - since >= 0 ? Optional.of(answer) : Optional.empty();
        }
    }

    /** Work under a key's lock. */
    interface Locked<T> {
        T run(Slot slot) throws IOException;
    }

    <T> T locked(String key, Locked<T> work) throws IOException {
        Slot slot = slots.compute(key, (k, held) -> {
            Slot used = held == null ? new Slot() : held;
            used.users++;
            return used;
        });
        try {
            slot.lock.lockInterruptibly();
            try {
                return work.run(slot);
            } finally {
                slot.lock.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for another fetch of the same app resource");
        } finally {
            slots.compute(key, (k, held) -> --held.users == 0 ? null : held);
        }
    }

    /** How many fetches hold or wait for {@code key} now (tests wait for them to line up). */
    int users(String key) {
        Slot slot = slots.get(key);
        return slot == null ? 0 : slot.users;
    }

    /** {@code file:}: links the entry for {@code real} as it is now into {@code target}, copying it in first. */
    void linkFile(Path real, Path target) throws IOException {
        String key = fileKey(real);
        locked(key, slot -> {
            if (!Files.isRegularFile(entry(key), LinkOption.NOFOLLOW_LINKS)) {
                Path temp = newTemp();
                try {
                    // The real path, not followed again: a link swapped in since the check is not taken.
                    try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
                        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (!key.equals(fileKey(real))) {
                        // Changed while copied: this run gets what it read, as before the cache; no one else does.
                        place(temp, target);
                        return null;
                    }
                    store(temp, key);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            link(key, target);
            return null;
        });
    }

    /**
     * Real path, size, times and inode, read without following a link. The change time too where the system
     * has one: {@code rsync -t --inplace} of a same-sized jar keeps the rest, but no one can set it back.
     */
    private static String fileKey(Path real) throws IOException {
        BasicFileAttributes attributes =
                Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new IOException("not a regular file: " + real);
        }
        Object changed;
        try {
            changed = Files.getAttribute(real, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            changed = "";
        }
        return hash("file", real.toString(), Long.toString(attributes.size()), attributes.lastModifiedTime().toString(),
                String.valueOf(changed), String.valueOf(attributes.fileKey()));
    }

    static String urlKey(java.net.URI url) {
        return hash("url", url.toString());
    }

    private static String hash(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    Path entry(String key) {
        return dir.resolve(key);
    }

    private Path validatorsFile(String key) {
        return dir.resolve(key + VALIDATORS_SUFFIX);
    }

    /** A new file in the cache directory, the worker's only, for a fetch to write. */
    Path newTemp() throws IOException {
        Files.createDirectories(dir.getParent());
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(dir + " is not a directory");
            }
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        return Files.createTempFile(dir, TEMP_PREFIX, null);
    }

    /** Makes {@code temp} the entry, read-only; an older one is replaced, and runs that link it keep it. */
    private void store(Path temp, String key) throws IOException {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("r--r--r--"));
        Files.move(temp, entry(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Gives a run the entry under its own name: a hard link, or a copy where no link can be made. */
    void link(String key, Path target) throws IOException {
        Path entry = entry(key);
        Files.deleteIfExists(target);
        try {
            Files.createLink(target, entry);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("Copying {} to {}: no hard link ({})", entry, target, RunMessages.describe(e));
            Files.copy(entry, target);
        }
    }

    /** Gives a run a fetched file that is not kept: moved when it can be, copied when not, read-only either way. */
    void place(Path temp, Path target) throws IOException {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("r--r--r--"));
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.copy(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The validators of a URL's entry, if it has both; under the key's lock. */
    Optional<Validators> validators(String key) throws IOException {
        Path file = validatorsFile(key);
        if (!Files.isRegularFile(entry(key), LinkOption.NOFOLLOW_LINKS)
                || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Validators.parse(Files.readString(file));
    }

    /**
     * Makes {@code temp} a URL's entry with its validators; under the key's lock. The old validators go first
     * and the new ones come last, so a worker that dies in between finds none and fetches afresh, never new
     * validators beside an old entry.
     */
    void keep(String key, Path temp, Validators validators) throws IOException {
        Files.deleteIfExists(validatorsFile(key));
        store(temp, key);
        Path written = newTemp();
        try {
            Files.writeString(written, validators.format());
            Files.move(written, validatorsFile(key), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
    }

    /** A URL whose server no longer sends validators: its entry is not reused (runs that link it keep it). */
    void forget(String key) throws IOException {
        Files.deleteIfExists(validatorsFile(key));
        Files.deleteIfExists(entry(key));
    }

    /**
     * Deletes the entries no run links any more, validators that lost their entry, and temporary files untouched
     * for {@link #ABANDONED_TEMP} (a worker that died mid-fetch). Waits for a fetch of the same key in progress.
     *
     * @return how many entries it deleted
     */
    public int prune() {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int deleted = 0;
        FileTime abandoned = FileTime.from(Instant.now().minus(ABANDONED_TEMP));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String key = name.endsWith(VALIDATORS_SUFFIX)
                        ? name.substring(0, name.length() - VALIDATORS_SUFFIX.length()) : name;
                if (name.startsWith(TEMP_PREFIX)) {
                    deleteIfOlder(file, abandoned);
                } else if (KEY.matcher(key).matches() && locked(key, slot -> pruneKey(key))) {
                    deleted++;
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("Could not prune the app resource cache {}: {}", dir, RunMessages.describe(e));
        }
        return deleted;
    }

    private boolean pruneKey(String key) throws IOException {
        Path entry = entry(key);
        boolean unused = Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                && ((Number) Files.getAttribute(entry, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue() == 1;
        if (unused || !Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(validatorsFile(key));
        }
        return unused && Files.deleteIfExists(entry);
    }

    private static void deleteIfOlder(Path file, FileTime cutoff) throws IOException {
        if (Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).compareTo(cutoff) < 0) {
            Files.deleteIfExists(file);
        }
    }
}
