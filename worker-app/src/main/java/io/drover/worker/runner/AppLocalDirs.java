package io.drover.worker.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import io.drover.worker.isolation.Sandbox;
import io.drover.worker.support.FileTrees;
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
    /** {@code drover.worker.cleanup.on-application-end}: the executors' directories and logs go too. */
    private final boolean wholeAppOnEnd;

    AppLocalDirs(Path workDir, Sandbox sandbox) {
        this(workDir, sandbox, false);
    }

    AppLocalDirs(Path workDir, Sandbox sandbox, boolean wholeAppOnEnd) {
        this.workDir = workDir;
        this.sandbox = sandbox;
        this.wholeAppOnEnd = wholeAppOnEnd;
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
            FileTrees.delete(dir);
            log.info("Deleted the local directory of application {}", appId);
        } catch (IOException e) {
            log.warn("Could not delete the local directory {} of application {}: {}", dir, appId, e.getMessage());
        }
    }

    /**
     * The application ended and none of its executors runs here any more: its scratch directory goes, and
     * with {@code on-application-end} its whole {@code <workDir>/<appId>/} (executors' directories and logs),
     * as soon as it ends rather than at the periodic cleanup.
     */
    void applicationEnded(String appId) {
        delete(appId);
        if (!wholeAppOnEnd) {
            return;
        }
        Path dir = workDir.resolve(appId);
        try {
            FileTrees.delete(dir);
            log.info("Deleted the directories of application {}, which ended", appId);
        } catch (IOException e) {
            log.warn("Could not delete the directory {} of application {}: {}", dir, appId, e.getMessage());
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
                    FileTrees.delete(local);
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
}
