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
 * order the files were written, so the stream is the rolled files in name order, then the active one. The one
 * place that knows this, for the writer and for the readers.
 */
final class RolledFiles {

    static final String SEPARATOR = "--";

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

    /** A free name for {@code active} rolled over with {@code suffix}. */
    static Path rolledName(Path active, String suffix) {
        Path candidate = active.resolveSibling(active.getFileName() + SEPARATOR + suffix);
        for (int i = 1; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); i++) {
            candidate = active.resolveSibling(active.getFileName() + SEPARATOR + suffix + SEPARATOR + i);
        }
        return candidate;
    }
}
