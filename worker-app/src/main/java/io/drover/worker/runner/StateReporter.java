package io.drover.worker.runner;

import io.drover.protocol.internal.DriverStateChanged;
import io.drover.worker.registration.MasterClient;
import io.drover.worker.registration.MasterLink;
import io.drover.worker.support.NamedThreads;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Sends drivers' state changes to the followed master, one at a time on one thread, so the master sees
 * each driver's changes in the order they happened. A send that fails for a network or server reason is
 * retried a few times with a short back-off; then it is dropped and logged, because the next heartbeat's
 * inventory and re-registration let the master reconcile anyway.
 */
@Component
class StateReporter {

    static final int ATTEMPTS = 4;
    static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(250);

    private static final Logger log = LoggerFactory.getLogger(StateReporter.class);

    private final MasterClient client;
    private final MasterLink link;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(NamedThreads.daemon("drover-reports"));

    StateReporter(MasterClient client, MasterLink link) {
        this.client = client;
        this.link = link;
    }

    /** Queues the report and returns at once. */
    void send(DriverStateChanged change) {
        try {
            sender.execute(() -> deliver(change));
        } catch (RejectedExecutionException e) {
            log.debug("Not reporting driver {} {}: the worker is shutting down", change.driverId(), change.state());
        }
    }

    private void deliver(DriverStateChanged change) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String masterUrl = link.masterUrl();
            if (masterUrl == null) {
                log.warn("No master to tell that driver {} is {}", change.driverId(), change.state());
                return;
            }
            try {
                client.driverStateChanged(masterUrl, link.workerId(), change);
                return;
            } catch (HttpClientErrorException e) {
                // The master read it and said no (unknown worker or driver, a stale change): asking again won't help.
                log.warn("Master {} refused driver {} {}: {}", masterUrl, change.driverId(), change.state(),
                        e.getStatusCode());
                return;
            } catch (RuntimeException e) {
                last = e;
            }
            if (attempt + 1 < ATTEMPTS && !pause(FIRST_RETRY_DELAY.multipliedBy(1L << attempt))) {
                return;
            }
        }
        log.warn("Gave up telling master {} that driver {} is {}: {}", link.masterUrl(), change.driverId(),
                change.state(), MasterClient.describe(last));
    }

    /** Sleeping is fine here: this thread exists only to send in order, and shutdown interrupts it. */
    private static boolean pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        sender.shutdown(); // let queued reports go out, briefly
        if (!sender.awaitTermination(2, TimeUnit.SECONDS)) {
            sender.shutdownNow();
        }
    }
}
