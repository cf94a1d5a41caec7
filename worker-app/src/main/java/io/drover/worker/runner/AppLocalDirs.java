package io.drover.worker.runner;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import io.drover.worker.isolation.Sandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scratch directory an application's executors share on this worker ({@code DROVER_LOCAL_DIRS},
 * DESIGN.md §2.4; Spark's {@code appDirectories}): {@code <workDir>/<appId>/local/}, beside the executors'
 * numbered directories, so deleting it when the application ends leaves their logs alone. Created by the
 * first executor of the application, open to the application's executors only (under {@code process}
 * isolation each runs under its own uid, so the directory belongs to a group they share). When it is deleted is the
 * registry's decision; this class only remembers which ones it made, so a worker that shuts down can remove
 * them (nobody else would: a restarted worker has a new identity).
 */
final class AppLocalDirs {

    static final String DIR_NAME = "local";

    private static final Logger log = LoggerFactory.getLogger(AppLocalDirs.class);

    private final Path workDir;
    private final Sandbox sandbox;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    AppLocalDirs(Path workDir, Sandbox sandbox) {
        this.workDir = workDir;
        this.sandbox = sandbox;
    }

    Path path(String appId) {
        return workDir.resolve(appId).resolve(DIR_NAME);
    }

    /** Creates the application's directory unless it exists; safe to call for every executor. */
    Path create(String appId) throws IOException {
        Path dir = path(appId);
        RunDirs.createWithMode(dir.getParent(), "rwx--x--x");
        // Shuffle and spill files may hold the application's data; other local users have no business there.
        RunDirs.createWithMode(dir, "rwx------");
        sandbox.shareWithGroup(dir, appId);
        created.add(appId);
        return dir;
    }

    /** Deletes the application's directory and everything in it, without following links out of it. */
    void delete(String appId) {
        created.remove(appId);
        sandbox.releaseGroup(appId);
        Path dir = path(appId);
        try {
            deleteTree(dir);
            log.info("Deleted the local directory of application {}", appId);
        } catch (IOException e) {
            log.warn("Could not delete the local directory {} of application {}: {}", dir, appId, e.getMessage());
        }
    }

    /**
     * At start: deletes the local directories a previous life of the worker left behind (it was killed and
     * could not delete them; its applications' executors are gone with it). Executors' own directories and
     * logs stay.
     */
    void sweepLeftovers() {
        if (!Files.isDirectory(workDir)) {
            return;
        }
        try (var apps = Files.newDirectoryStream(workDir, "app-*")) {
            for (Path app : apps) {
                Path local = app.resolve(DIR_NAME);
                if (Files.isDirectory(local, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    deleteTree(local);
                    log.info("Deleted {}, left behind by an earlier run of this worker", local);
                }
            }
        } catch (IOException e) {
            log.warn("Could not sweep the local directories left in {}: {}", workDir, e.getMessage());
        }
    }

    /** Deletes every directory made in this life of the worker. */
    void deleteAll() {
        List.copyOf(created).forEach(this::delete);
    }

    /**
     * {@code walkFileTree} does not follow symbolic links: a link an executor left here is deleted, never
     * what it points to. Entries that vanish meanwhile (a concurrent delete) are fine.
     */
    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
