package io.drover.worker.logs;

import io.drover.worker.config.LogRollingProperties;
import io.drover.worker.config.LogRollingProperties.Strategy;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Appends a child's output to its log file and rolls the file over by size or time, keeping at most the
 * retained number of rolled files (Spark's {@code RollingFileAppender}). By size, a file is cut at exactly
 * {@code max-size} bytes, so every rolled file is full and the concatenation is the stream as written; by time,
 * the file rolls at the first write after the period's end and is named for the period it holds. The bytes of
 * dropped files are counted ({@link RolledFiles#droppedCount}), so readers keep the stream's offsets.
 *
 * <p>The worker, often root, writes into a directory the child owns while it runs: the child may swap a log for
 * a link at any moment. So nothing is opened through a link, a new active file is created only where nothing is
 * ({@code O_EXCL}), and a rename or delete of a link touches the link alone. Not thread-safe: one pump a stream.
 */
final class RollingLogWriter implements Closeable {

    /** Spark's {@code SizeBasedRollingPolicy} suffix, {@code yyyy-MM-dd--HH-mm-ss-SSSS} of SimpleDateFormat. */
    private static final DateTimeFormatter SIZE_SUFFIX =
            DateTimeFormatter.ofPattern("yyyy-MM-dd--HH-mm-ss").withZone(ZoneOffset.UTC);

    private final Path active;
    private final LogRollingProperties rolling;
    private final Clock clock;
    private final DateTimeFormatter timeSuffix;
    private FileChannel channel;
    private long written;
    /** Bytes of the stream gone with dropped files, kept on disk so offsets outlive a restart of the run. */
    private long dropped;
    private Instant periodStart;

    RollingLogWriter(Path active, LogRollingProperties rolling, Clock clock) throws IOException {
        this.active = active;
        this.rolling = rolling;
        this.clock = clock;
        this.timeSuffix = DateTimeFormatter.ofPattern(rolling.timeInterval().suffixPattern()).withZone(ZoneOffset.UTC);
        this.channel = FileChannel.open(active, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
        this.written = channel.size();
        this.dropped = readDropped(RolledFiles.droppedCount(active));
        this.periodStart = periodOf(clock.instant());
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        if (rolling.strategy() == Strategy.TIME) {
            Instant period = periodOf(clock.instant());
            if (!period.equals(periodStart)) {
                if (written > 0) {
                    rollOver(timeSuffix.format(periodStart));
                }
                periodStart = period;
            }
            writeFully(bytes, offset, length);
            return;
        }
        long max = rolling.maxSize().toBytes();
        while (length > 0) {
            if (written >= max) {
                rollOver(sizeSuffix(clock.instant()));
            }
            int part = (int) Math.min(length, max - written);
            writeFully(bytes, offset, part);
            offset += part;
            length -= part;
        }
    }

    /** SimpleDateFormat's {@code SSSS} is the milliseconds padded to four digits, not a fraction. */
    private static String sizeSuffix(Instant now) {
        return SIZE_SUFFIX.format(now) + String.format("-%04d", now.toEpochMilli() % 1000);
    }

    private void writeFully(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        written += length;
    }

    /** The start of the period {@code now} falls in, in UTC (the epoch is a day, hour and minute boundary). */
    private Instant periodOf(Instant now) {
        long length = rolling.timeInterval().length().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
    }

    private void rollOver(String suffix) throws IOException {
        channel.close();
        Files.move(active, RolledFiles.rolledName(active, suffix), StandardCopyOption.ATOMIC_MOVE);
        try {
            channel = openNew();
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(active); // the child put something there: a link is deleted, not followed
            channel = openNew();
        }
        written = 0;
        dropOldest();
    }

    private FileChannel openNew() throws IOException {
        return FileChannel.open(active, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
    }

    private void dropOldest() throws IOException {
        if (rolling.maxRetainedFiles() == null) {
            return;
        }
        List<Path> rolled = RolledFiles.rolled(active);
        int excess = rolled.size() - rolling.maxRetainedFiles();
        if (excess <= 0) {
            return;
        }
        for (int i = 0; i < excess; i++) {
            long size = Files.size(rolled.get(i));
            Files.deleteIfExists(rolled.get(i));
            dropped += size;
        }
        writeDropped(RolledFiles.droppedCount(active), dropped);
    }

    private static long readDropped(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer text = ByteBuffer.allocate(32);
            in.read(text);
            return RolledFiles.parseDropped(java.util.Arrays.copyOf(text.array(), text.position()));
        }
    }

    /** Replaced whole (a fresh file moved over the old), so a reader never sees half a number. */
    private static void writeDropped(Path file, long count) throws IOException {
        Path fresh = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(fresh); // a leftover, or a link the child put there: never written through
        try (FileChannel out = FileChannel.open(fresh, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            out.write(ByteBuffer.wrap(Long.toString(count).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        }
        Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
