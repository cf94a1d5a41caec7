package io.drover.worker.runner;

import io.drover.worker.support.NamedThreads;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The runners' threads. Kept inside a component rather than exposed as executor beans, which Spring
 * would otherwise pick up for {@code @Async} or {@code @Scheduled} work. Closed after the
 * {@link RunnerRegistry} (which depends on it) has stopped every process.
 */
@Component
class RunnerThreads {

    /** Unbounded on purpose: a slow download or a kill's grace period must not hold up another driver. */
    final ExecutorService work = Executors.newCachedThreadPool(NamedThreads.daemon("drover-runner"));
    final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("drover-runner-timer"));

    @PreDestroy
    void close() throws InterruptedException {
        timer.shutdownNow();
        work.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        work.awaitTermination(5, TimeUnit.SECONDS);
    }
}
