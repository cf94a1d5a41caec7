package io.drover.worker.health;

import io.drover.protocol.internal.WorkerHealth;
import io.drover.worker.config.SchedulingProperties;
import io.drover.worker.config.WorkerProperties;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether this worker can run work: its work directory must take a new file and have
 * {@code drover.worker.min-free-disk-mb} free. Checked when the worker starts, which it refuses to do otherwise
 * (naming the directory), and again on every heartbeat: two small file operations and one {@code statvfs}, cheap
 * enough for that. What a check finds is logged once when it changes, not at every beat.
 */
@Component
public class WorkDirHealth implements Supplier<WorkerHealth> {

    static final String PROBE_PREFIX = ".drover-health-";
    private static final long MIB = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(WorkDirHealth.class);

    private final Path workDir;
    private final long minFreeMb;
    private volatile WorkerHealth last = WorkerHealth.HEALTHY;

    @Autowired
    WorkDirHealth(WorkerProperties worker, SchedulingProperties scheduling) {
        this(worker.absoluteWorkDir(), scheduling.minFreeDiskMb());
        WorkerHealth atStart = get();
        if (!atStart.healthy()) {
            throw new IllegalStateException("This worker cannot start: " + atStart.reason());
        }
    }

    WorkDirHealth(Path workDir, long minFreeMb) {
        this.workDir = workDir;
        this.minFreeMb = minFreeMb;
    }

    /** Checks now. */
    @Override
    public WorkerHealth get() {
        WorkerHealth now = check();
        WorkerHealth before = last;
        last = now;
        if (now.healthy() != before.healthy()) {
            if (now.healthy()) {
                log.info("The work directory {} is fine again", workDir);
            } else {
                log.warn("This worker is unhealthy: {}", now.reason());
            }
        }
        return now;
    }

    private WorkerHealth check() {
        try {
            Files.createDirectories(workDir);
            Path probe = Files.createTempFile(workDir, PROBE_PREFIX, null);
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            return WorkerHealth.unhealthy("the work directory " + workDir + " is not writable (" + describe(e) + ")");
        }
        try {
            FileStore store = Files.getFileStore(workDir);
            long freeMb = store.getUsableSpace() / MIB;
            if (freeMb < minFreeMb) {
                return WorkerHealth.unhealthy("the work directory " + workDir + " has " + freeMb
                        + " MiB free, below drover.worker.min-free-disk-mb (" + minFreeMb + ")");
            }
        } catch (IOException e) {
            return WorkerHealth.unhealthy("the free space of the work directory " + workDir + " cannot be read ("
                    + describe(e) + ")");
        }
        return WorkerHealth.HEALTHY;
    }

    /** A file-system exception's message is the path alone; its reason ("Read-only file system") is the point. */
    private static String describe(Exception e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
