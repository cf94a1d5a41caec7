package io.drover.worker.logs;

import io.drover.protocol.api.LogStream;
import io.drover.protocol.ids.Ids;
import io.drover.server.ApiException;
import io.drover.worker.config.WorkerProperties;
import io.drover.protocol.ids.ExecutorIds;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Finds a log file by id and reads a byte range of it. Serves only files under the work directory
 * (DESIGN.md §7): the id must be well-formed, and the resolved path, after following every symlink, must
 * still lie inside the work directory's own real path. Reads only the requested range, so a large log
 * costs no more than the bytes sent. Public only for the log viewer pages ({@code web}), which ask
 * {@link #hasDriverLog}/{@link #hasExecutorLog} so that a page refuses exactly what this API refuses.
 *
 * <p>The check above only answers early; what is read is decided by how it is opened (issue 10), since a
 * child owns its directory and may swap its {@code stderr} for a symlink at any moment: each component below
 * the work directory is opened relative to the one before and never through a symlink ({@code openat} with
 * {@code O_NOFOLLOW}, Java's {@link SecureDirectoryStream}), and the opened file must be the same regular file
 * before and after the open. A swap is then answered 404, never with the link's target.
 */
@Component
public class LogFiles {

    static final long DEFAULT_LENGTH = 1024 * 1024;
    static final long MAX_LENGTH = 10 * 1024 * 1024;

    /** A byte range to read: where it starts and how many bytes (possibly none). */
    record Range(long start, long length) {
    }

    /** Bytes read from {@code offset}, and how long the whole file was when read. */
    record Chunk(long offset, long fileLength, byte[] bytes) {
    }

    private final Path workDir;

    LogFiles(WorkerProperties properties) {
        this.workDir = properties.absoluteWorkDir();
    }

    /** A driver's log, under the work directory; 400 for a malformed id or an escaping path, 404 when there is none. */
    Path driverLog(String driverId, String stream) {
        LogStream logStream = checkDriver(driverId, stream);
        return existing(driverPath(driverId, logStream)).orElseThrow(() -> ApiException.notFound(
                "no " + logStream.fileName() + " log for driver " + driverId + " on this worker"));
    }

    /** The real path of an executor's log in {@code <workDir>/<appId>/<executorId>/}; errors as for drivers. */
    Path executorLog(String appId, String executorId, String stream) {
        int id = checkExecutor(appId, executorId);
        LogStream logStream = checkStream(stream);
        return existing(executorPath(appId, id, logStream)).orElseThrow(() -> ApiException.notFound(
                "no " + logStream.fileName() + " log for executor " + appId + "/" + id + " on this worker"));
    }

    /**
     * Whether a driver's log is there to read, for the log viewer page; the same checks as {@link #driverLog}
     * (400 for a malformed id or stream, or a path that leaves the work directory), but a missing file is
     * {@code false}: a driver still being launched has no log yet.
     */
    public boolean hasDriverLog(String driverId, String stream) {
        return existing(driverPath(driverId, checkDriver(driverId, stream))).isPresent();
    }

    /** As {@link #hasDriverLog}, for an executor's log. */
    public boolean hasExecutorLog(String appId, String executorId, String stream) {
        int id = checkExecutor(appId, executorId);
        return existing(executorPath(appId, id, checkStream(stream))).isPresent();
    }

    private static LogStream checkDriver(String driverId, String stream) {
        if (!Ids.isDriverId(driverId)) {
            throw ApiException.badRequest("driverId: not a driver id");
        }
        return checkStream(stream);
    }

    private static int checkExecutor(String appId, String executorId) {
        if (!Ids.isAppId(appId)) {
            throw ApiException.badRequest("appId: not an application id");
        }
        return ExecutorIds.parse(executorId)
                .orElseThrow(() -> ApiException.badRequest("executorId: not a non-negative integer"));
    }

    private static LogStream checkStream(String stream) {
        return LogStream.fromPath(stream)
                .orElseThrow(() -> ApiException.badRequest("stream: must be stdout or stderr"));
    }

    private Path driverPath(String driverId, LogStream stream) {
        return workDir.resolve(driverId).resolve(stream.fileName());
    }

    /** The directory is named by the parsed number, never by the text as sent. */
    private Path executorPath(String appId, int executorId, LogStream stream) {
        return workDir.resolve(appId).resolve(Integer.toString(executorId)).resolve(stream.fileName());
    }

    /** The file's real path if it exists; 400 if the path, symlinks followed, leaves the work directory. */
    private Optional<Path> existing(Path candidate) {
        Path normalized = candidate.normalize();
        if (!normalized.startsWith(workDir)) {
            throw ApiException.badRequest("the log path leaves the work directory");
        }
        if (!Files.exists(normalized)) {
            return Optional.empty();
        }
        Path real;
        Path root;
        try {
            real = normalized.toRealPath();
            root = workDir.toRealPath();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!real.startsWith(root)) {
            // A symlink inside the work directory that points elsewhere: never follow it out.
            throw ApiException.badRequest("the log path leaves the work directory");
        }
        return Files.isRegularFile(real) ? Optional.of(normalized) : Optional.empty();
    }

    /**
     * Which bytes to send. A negative offset counts from the end; an offset past the end gives an empty
     * range at the end; the length defaults to 1 MiB and is capped at 10 MiB.
     */
    static Range range(long fileLength, Long offset, Long length) {
        return range(0, fileLength, offset, length);
    }

    /**
     * As above, for a stream whose bytes before {@code first} are gone (dropped with rolled files): an offset
     * before them starts at the first byte still there.
     */
    static Range range(long first, long end, Long offset, Long length) {
        checkLength(length);
        long wanted = length == null ? DEFAULT_LENGTH : length;
        long from = offset == null ? first : offset;
        long start = from < 0 ? Math.max(first, end + from) : Math.max(first, Math.min(from, end));
        return new Range(start, Math.min(Math.min(wanted, MAX_LENGTH), end - start));
    }

    static void checkLength(Long length) {
        if (length != null && length < 0) {
            throw ApiException.badRequest("length: must be 0 or more");
        }
    }

    /**
     * Reads a byte range of the log's stream: its rolled-over files oldest first, then the active one, as one
     * run of bytes (without rolling, just the file). Offsets count from the stream's first byte, those of
     * dropped files included, so they stay put when the oldest file goes; the answer's length is where the
     * stream ends. A rolled file that vanished since the listing (dropped meanwhile) is left out.
     *
     * @param file a log under the work directory, as {@link #driverLog} or {@link #executorLog} answered
     */
    Chunk read(Path file, Long offset, Long length) {
        List<SeekableByteChannel> channels = new ArrayList<>();
        try {
            for (Path rolled : RolledFiles.rolled(file)) {
                try {
                    channels.add(openWithoutLinks(workDir.relativize(rolled)));
                } catch (IOException e) {
                    // rolled away and deleted meanwhile, or swapped for a link: not part of the stream
                }
            }
            channels.add(openWithoutLinks(workDir.relativize(file)));
            long dropped = droppedBytes(file);
            long[] sizes = new long[channels.size()];
            long total = dropped;
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = channels.get(i).size();
                total += sizes[i];
            }
            Range range = range(dropped, total, offset, length);
            ByteBuffer buffer = ByteBuffer.allocate((int) range.length());
            long fileStart = dropped;
            for (int i = 0; i < sizes.length && buffer.hasRemaining(); fileStart += sizes[i], i++) {
                long from = range.start() + buffer.position() - fileStart;
                if (from < sizes[i]) {
                    readInto(channels.get(i), from, buffer, sizes[i] - from);
                }
            }
            return new Chunk(range.start(), total, Arrays.copyOf(buffer.array(), buffer.position()));
        } catch (IOException e) {
            // gone, swapped for a link or something else that is no plain file: nothing to serve
            throw ApiException.notFound("the log file is gone");
        } finally {
            channels.forEach(LogFiles::closeQuietly);
        }
    }

    /** How many bytes of the stream went with dropped files; 0 without rolling or when unreadable. */
    private long droppedBytes(Path file) {
        try (SeekableByteChannel channel = openWithoutLinks(workDir.relativize(RolledFiles.droppedCount(file)))) {
            ByteBuffer text = ByteBuffer.allocate(32);
            channel.read(text);
            return RolledFiles.parseDropped(Arrays.copyOf(text.array(), text.position()));
        } catch (IOException e) {
            return 0;
        }
    }

    /** Up to {@code available} bytes from {@code position}, fewer if the file shrank since it was measured. */
    private static void readInto(SeekableByteChannel channel, long position, ByteBuffer buffer, long available)
            throws IOException {
        channel.position(position);
        int limit = buffer.limit();
        buffer.limit((int) Math.min(limit, buffer.position() + available));
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    break;
                }
            }
        } finally {
            buffer.limit(limit);
        }
    }

    private static void closeQuietly(SeekableByteChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // read-only: nothing was lost
        }
    }

    /**
     * Opens {@code relative} below the work directory one component at a time, none through a symlink, and
     * only if it is a regular file that stayed the same file across the open.
     */
    private SeekableByteChannel openWithoutLinks(Path relative) throws IOException {
        List<DirectoryStream<Path>> opened = new ArrayList<>();
        try {
            DirectoryStream<Path> dir = Files.newDirectoryStream(workDir);
            opened.add(dir);
            if (!(dir instanceof SecureDirectoryStream<Path> secure)) {
                return Files.newByteChannel(workDir.resolve(relative), StandardOpenOption.READ,
                        LinkOption.NOFOLLOW_LINKS); // no openat here: at least the file itself is no link
            }
            for (int i = 0; i < relative.getNameCount() - 1; i++) {
                secure = secure.newDirectoryStream(relative.getName(i), LinkOption.NOFOLLOW_LINKS);
                opened.add(secure);
            }
            Path name = relative.getFileName();
            Object before = regularFileKey(secure, name);
            SeekableByteChannel channel = secure.newByteChannel(name,
                    Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
            if (!Objects.equals(before, regularFileKey(secure, name))) {
                channel.close();
                throw new NotRegularFile();
            }
            return channel;
        } finally {
            for (DirectoryStream<Path> stream : opened) {
                stream.close();
            }
        }
    }

    /** The file key (device and inode) of a regular file; not one for anything else. */
    private static Object regularFileKey(SecureDirectoryStream<Path> dir, Path name) throws IOException {
        BasicFileAttributes attributes = dir.getFileAttributeView(name, BasicFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS).readAttributes();
        if (!attributes.isRegularFile()) {
            throw new NotRegularFile();
        }
        return attributes.fileKey();
    }

    /** What was found where a log belongs is a link, a directory or a FIFO, or changed while being opened. */
    private static final class NotRegularFile extends IOException {
        NotRegularFile() {
            super("not a regular file", null);
        }
    }
}
