package io.drover.worker.logs;

import io.drover.worker.config.LogRollingProperties;
import io.drover.worker.support.NamedThreads;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Owns a child's stdout and stderr when logs roll ({@code drover.worker.logs.rolling.strategy} set): the child
 * writes into pipes, and a worker thread a stream copies them into a {@link RollingLogWriter}, as Spark's
 * worker pumps its executors' output through its {@code FileAppender}. Without rolling nobody calls this: the
 * child's output goes straight to its files, with no copy through the worker.
 *
 * <p>The pipes come through the isolation wrappers ({@code setpriv}, {@code unshare}) unchanged, since each
 * wrapper execs the next with the same descriptors. A worker that dies closes the pipes' reading ends, and its
 * children die with it anyway (their parent-death chain).
 */
@Component
public class LogPumps {

    private static final Logger log = LoggerFactory.getLogger(LogPumps.class);
    private static final int BUFFER = 64 * 1024;

    private final LogRollingProperties rolling;
    private final Clock clock;
    /** Unbounded: each running child holds two threads, blocked in a read, for as long as it runs. */
    private final ExecutorService pumps = Executors.newCachedThreadPool(NamedThreads.daemon("drover-log-pump"));

    LogPumps(LogRollingProperties rolling, Clock clock) {
        this.rolling = rolling;
        this.clock = clock;
    }

    /** Whether children's output goes through the worker (rolling on) rather than straight to files. */
    public boolean enabled() {
        return rolling.enabled();
    }

    /**
     * Starts copying {@code process}'s stdout and stderr into rolling files; the process answered ends
     * ({@link Process#onExit()}) once the copies are done too, so a run's log is whole when its end is reported.
     */
    public Process attach(Process process, Path stdout, Path stderr) {
        CompletableFuture<Void> out = pump(process.getInputStream(), stdout);
        CompletableFuture<Void> err = pump(process.getErrorStream(), stderr);
        return new PumpedProcess(process, CompletableFuture.allOf(out, err));
    }

    private CompletableFuture<Void> pump(InputStream stream, Path file) {
        return CompletableFuture.runAsync(() -> copy(stream, file), pumps);
    }

    /**
     * Reads until every holder of the pipe has closed it. When the file cannot be written any more, keeps
     * reading and dropping, so the child never blocks on a full pipe because of the worker's disk.
     */
    private void copy(InputStream stream, Path file) {
        byte[] buffer = new byte[BUFFER];
        RollingLogWriter writer = open(file);
        try (stream) {
            for (int n; (n = stream.read(buffer)) >= 0; ) {
                if (writer == null) {
                    continue;
                }
                try {
                    writer.write(buffer, 0, n);
                } catch (IOException e) {
                    log.warn("Cannot write the log {} any more, dropping the rest: {}", file, e.getMessage());
                    closeQuietly(writer);
                    writer = null;
                }
            }
        } catch (IOException e) {
            log.debug("The output pipe for {} closed: {}", file, e.getMessage());
        } finally {
            closeQuietly(writer);
        }
    }

    private RollingLogWriter open(Path file) {
        try {
            return new RollingLogWriter(file, rolling, clock);
        } catch (IOException e) {
            log.warn("Cannot open the log {}, dropping its output: {}", file, e.getMessage());
            return null;
        }
    }

    private static void closeQuietly(RollingLogWriter writer) {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            log.debug("Closing a log: {}", e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        pumps.shutdownNow();
    }
}
