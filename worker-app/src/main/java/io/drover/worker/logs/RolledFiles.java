package io.drover.worker.logs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a rolled log is laid out, as Spark's {@code RollingFileAppender} lays it out: the active file keeps the
 * stream's name ({@code stdout}); a rolled-over file is the name, {@code --} and the time it rolled
 * ({@code stdout--2026-12-05--17-03-21-0042}), with {@code --N} added when that name is taken. Names sort in the
 * order the files were written, so the stream is the rolled files in name order, then the active one. Beside
 * them, {@code .stdout.dropped} holds how many bytes of the stream were dropped with the oldest files (decimal
 * text), so offsets into the stream stay the same when its start goes. The one place that knows this, for the
 * writer and for the readers.
 */
final class RolledFiles {

    static final String SEPARATOR = "--";
    /** A bound no real log reaches (an exabyte), so adding the files' sizes to a made-up count cannot overflow. */
    static final long MAX_DROPPED = 1L << 60;

    private RolledFiles() {
    }

    /** The rolled-over files of {@code active}, oldest first; links and anything but plain files left out. */
    static List<Path> rolled(Path active) throws IOException {
        String prefix = active.getFileName() + SEPARATOR;
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(active.getParent(),
                entry -> entry.getFileName().toString().startsWith(prefix))) {
            for (Path entry : dir) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(entry);
                }
            }
        }
        files.sort(null);
        return files;
    }

    /** Every file of the stream in order: the rolled ones oldest first, then the active one. */
    static List<Path> all(Path active) throws IOException {
        List<Path> files = rolled(active);
        files.add(active);
        return files;
    }

    /** Where the count of bytes dropped from the start of {@code active}'s stream is kept. */
    static Path droppedCount(Path active) {
        return active.resolveSibling("." + active.getFileName() + ".dropped");
    }

    /** The count as written; 0 for none or for anything else (the child owns the directory and may write there). */
    static long parseDropped(byte[] text) {
        try {
            long count = Long.parseLong(new String(text, java.nio.charset.StandardCharsets.US_ASCII).trim());
            return Math.min(Math.max(0, count), MAX_DROPPED);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * A free name for {@code active} rolled over with {@code suffix} that sorts after every rolled file there
     * (two rolls in one millisecond, or in a clock's step back, must not reorder the stream).
     */
    static Path rolledName(Path active, String suffix) throws IOException {
        List<Path> rolled = rolled(active);
        String last = rolled.isEmpty() ? "" : rolled.get(rolled.size() - 1).getFileName().toString();
        String base = active.getFileName() + SEPARATOR + suffix;
        String name = base;
        for (int i = 1; name.compareTo(last) <= 0
                || Files.exists(active.resolveSibling(name), LinkOption.NOFOLLOW_LINKS); i++) {
            name = base + SEPARATOR + i;
        }
        return active.resolveSibling(name);
    }
}
