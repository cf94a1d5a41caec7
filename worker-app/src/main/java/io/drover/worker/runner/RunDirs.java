package io.drover.worker.runner;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes a run's directory under the work directory ({@code <driverId>/}, {@code <appId>/<executorId>/}): the
 * last one owner-only from the moment it exists (its app resource is copied in before the child gets it),
 * the ones on the way passable but not listable (a child under another uid must get through
 * {@code <appId>/} to its own directory, and has no business listing its siblings).
 */
final class RunDirs {

    private RunDirs() {
    }

    static Path create(Path workDir, String... segments) throws IOException {
        Path dir = workDir;
        for (int i = 0; i < segments.length; i++) {
            dir = dir.resolve(segments[i]);
            createWithMode(dir, i == segments.length - 1 ? "rwx------" : "rwx--x--x");
        }
        return dir;
    }

    /** Creates it with {@code mode}; one that exists already keeps what it has. */
    static void createWithMode(Path dir, String mode) throws IOException {
        Files.createDirectories(dir.getParent());
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            return;
        }
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(mode));
        }
    }
}
