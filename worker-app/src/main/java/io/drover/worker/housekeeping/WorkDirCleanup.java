package io.drover.worker.housekeeping;

import io.drover.protocol.ids.Ids;
import io.drover.worker.config.CleanupProperties;
import io.drover.worker.config.WorkerProperties;
import io.drover.worker.runner.AppResourceCache;
import io.drover.worker.runner.RunnerRegistry;
import io.drover.worker.support.FileTrees;
import io.drover.worker.support.NamedThreads;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Spark's worker cleanup ({@code drover.worker.cleanup.enabled}): every {@code interval}, deletes each
 * application's ({@code <workDir>/app-…/}) and driver's ({@code <workDir>/driver-…/}) directory that nothing
 * running here uses and in which nothing was written for {@code app-data-ttl}. Only entries directly under the
 * work directory named like an id, only real directories (a link there is left alone), and nothing below is
 * followed through a link.
 *
 * <p>A run that starts while its directory is being judged is safe by the TTL: a directory with anything
 * written in the TTL is kept, and an application that ended here refuses new executors. A deleted run stays in
 * the worker's lists of finished drivers and executors; asking for its log answers 404.
 *
 * <p>The app resource cache ({@code <workDir>/.resource-cache/}, not an id, so never taken for a run) loses the
 * entries no run directory links any more: after each round, and once at start whether or not the cleanup is
 * on, so that entries freed while a worker was down, or by {@code on-application-end}, do not outlive a restart.
 */
@Component
public class WorkDirCleanup {

    private static final Logger log = LoggerFactory.getLogger(WorkDirCleanup.class);

    private final Path workDir;
    private final CleanupProperties cleanup;
    private final RunnerRegistry registry;
    private final Clock clock;
    private final AppResourceCache resourceCache;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("drover-cleanup"));

    WorkDirCleanup(WorkerProperties properties, CleanupProperties cleanup, RunnerRegistry registry, Clock clock,
            AppResourceCache resourceCache) {
        this.workDir = properties.absoluteWorkDir();
        this.cleanup = cleanup;
        this.registry = registry;
        this.clock = clock;
        this.resourceCache = resourceCache;
    }

    @PostConstruct
    void start() {
        pruneResourceCache();
        if (cleanup.enabled()) {
            long every = cleanup.interval().toMillis();
            timer.scheduleWithFixedDelay(this::runLogged, every, every, TimeUnit.MILLISECONDS);
            log.info("Cleaning up ended runs' directories older than {} every {}", cleanup.appDataTtl(),
                    cleanup.interval());
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    private void runLogged() {
        try {
            int deleted = cleanOnce();
            if (deleted > 0) {
                log.info("Cleanup deleted {} ended run directories", deleted);
            }
            pruneResourceCache();
        } catch (RuntimeException e) {
            log.warn("Cleanup failed; trying again in {}", cleanup.interval(), e);
        }
    }

    private void pruneResourceCache() {
        int pruned = resourceCache.prune();
        if (pruned > 0) {
            log.info("Deleted {} cached app resources no run links any more", pruned);
        }
    }

    /** One pass; how many directories it deleted. */
    int cleanOnce() {
        if (!Files.isDirectory(workDir)) {
            return 0;
        }
        Set<String> inUse = inUse();
        FileTime cutoff = FileTime.from(clock.instant().minus(cleanup.appDataTtl()));
        int deleted = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(workDir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if ((Ids.isAppId(name) || Ids.isDriverId(name)) && !inUse.contains(name)
                        && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) && delete(entry, cutoff)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            log.warn("Cannot list the work directory {}: {}", workDir, e.getMessage());
        }
        return deleted;
    }

    /** The drivers and applications with a process here, starting, running or stopping. */
    private Set<String> inUse() {
        Set<String> ids = new HashSet<>(registry.runningDriverIds());
        registry.runningExecutors().forEach(key -> ids.add(key.substring(0, key.indexOf('/'))));
        return ids;
    }

    private boolean delete(Path dir, FileTime cutoff) {
        try {
            if (FileTrees.modifiedAfter(dir, cutoff)) {
                return false;
            }
            FileTrees.delete(dir);
            log.info("Deleted {}: ended and untouched for {}", dir, cleanup.appDataTtl());
            return true;
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", dir, e.getMessage());
            return false;
        }
    }
}
