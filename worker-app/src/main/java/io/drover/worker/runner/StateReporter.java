package io.drover.worker.runner;

import io.drover.protocol.Paths;
import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.internal.ExecutorStateChanged;
import io.drover.protocol.internal.StateReports;
import io.drover.worker.registration.MasterClient;
import io.drover.worker.registration.MasterLink;
import io.drover.worker.support.NamedThreads;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Sends drivers' and executors' state changes to the followed master from one thread, in the order they
 * happened (one queue for both kinds, so each process's changes keep their order). What piles up while a
 * call is under way goes out together in the next call, so a burst of short processes costs a few calls
 * rather than two or three per process. A call that fails for a network or server reason is
 * retried a few times with a short back-off; then the batch is dropped and logged, because the next
 * heartbeat's inventory and re-registration let the master reconcile anyway.
 */
@Component
class StateReporter {

    static final int ATTEMPTS = 4;
    static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(250);
    static final int MAX_BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(StateReporter.class);

    private final MasterClient client;
    private final MasterLink link;
    private final BlockingQueue<Change> queue = new LinkedBlockingQueue<>();
    private final Thread sender;
    private volatile boolean open = true;

    StateReporter(MasterClient client, MasterLink link) {
        this.client = client;
        this.link = link;
        this.sender = NamedThreads.daemon("drover-reports").newThread(this::run);
        this.sender.start();
    }

    /** One queued change: a driver's or an executor's, never both. */
    private record Change(DriverStateChanged driver, ExecutorStateChanged executor) {

        @Override
        public String toString() {
            return driver != null ? "driver " + driver.driverId() + " " + driver.state()
                    : "executor " + Paths.executorKey(executor.appId(), executor.executorId()) + " " + executor.state();
        }
    }

    /** Queues the report and returns at once. */
    void send(DriverStateChanged change) {
        enqueue(new Change(change, null));
    }

    /** Queues the report and returns at once. */
    void send(ExecutorStateChanged change) {
        enqueue(new Change(null, change));
    }

    private void enqueue(Change change) {
        if (!open) {
            log.debug("Not reporting {}: the worker is shutting down", change);
            return;
        }
        queue.add(change);
    }

    private void run() {
        List<Change> batch = new ArrayList<>();
        while (open || !queue.isEmpty()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            if (!deliver(List.copyOf(batch))) {
                return;
            }
            batch.clear();
        }
    }

    /** False when interrupted: the worker is shutting down. */
    private boolean deliver(List<Change> changes) {
        StateReports reports = new StateReports(
                changes.stream().map(Change::driver).filter(Objects::nonNull).toList(),
                changes.stream().map(Change::executor).filter(Objects::nonNull).toList());
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String masterUrl = link.protocolUrl();
            if (masterUrl == null) {
                log.warn("No master to tell about {} state changes", changes.size());
                return true;
            }
            try {
                client.statesChanged(masterUrl, link.workerId(), reports);
                return true;
            } catch (HttpClientErrorException e) {
                // The master read it and said no (unknown worker, a malformed change): asking again won't help.
                log.warn("Master {} refused {} state changes: {}", masterUrl, changes.size(),
                        e.getStatusCode());
                return true;
            } catch (RuntimeException e) {
                last = e;
            }
            if (attempt + 1 < ATTEMPTS && !pause(FIRST_RETRY_DELAY.multipliedBy(1L << attempt))) {
                return false;
            }
        }
        log.warn("Gave up telling master {} about {} state changes (first: {}): {}", link.masterUrl(),
                changes.size(), changes.get(0), MasterClient.describe(last));
        return true;
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

    /** Lets queued reports go out, briefly, then stops the sender. */
    @PreDestroy
    void close() throws InterruptedException {
        open = false;
        if (queue.isEmpty()) {
            sender.interrupt();
        }
        sender.join(2000);
        sender.interrupt();
    }
}
