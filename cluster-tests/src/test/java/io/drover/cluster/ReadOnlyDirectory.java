package io.drover.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes a directory take no new entries, as a file system gone read-only would, by the first means that works
 * on this host as root: the immutable attribute ({@code chattr +i}, ext4 and xfs), else a read-only bind mount
 * over it (tmpfs and overlay roots, where a container may mount). {@link #restore()} undoes it, so the test's
 * directory can be deleted.
 */
final class ReadOnlyDirectory {

    private final Path dir;
    private final List<List<String>> undo;

    private ReadOnlyDirectory(Path dir, List<List<String>> undo) {
        this.dir = dir;
        this.undo = undo;
    }

    /** @return the directory made read-only, or null when neither means works here (say why in the skip) */
    static ReadOnlyDirectory tryMake(Path dir) {
        String path = dir.toString();
        if (run(List.of("chattr", "+i", path))) {
            return new ReadOnlyDirectory(dir, List.of(List.of("chattr", "-i", path)));
        }
        if (run(List.of("mount", "--bind", path, path))) {
            if (run(List.of("mount", "-o", "remount,bind,ro", path))) {
                return new ReadOnlyDirectory(dir, List.of(List.of("umount", path)));
            }
            run(List.of("umount", path));
        }
        return null;
    }

    Path dir() {
        return dir;
    }

    void restore() {
        undo.forEach(ReadOnlyDirectory::run);
    }

    private static boolean run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
