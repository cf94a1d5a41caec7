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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Sends drivers' and executors' state changes to the followed master from one thread, in the order they
 * happened (one queue for both kinds, so each process's changes keep their order). What piles up while a
 * call is under way goes out together in the next call, so a burst of short processes costs a few calls
 * rather than two or three per process.
 *
 * <p>Nothing is dropped because a master is away: a call that keeps failing for a network or server reason
 * is retried a few times, then the changes are held, and the next registration carries them to whichever
 * master leads then (a driver that ended during a failover ends right on the new leader, not as lost). Only
 * a master that read a change and refused it (a 4xx) makes the reporter let it go.
 */
@Component
class StateReporter {

    static final int ATTEMPTS = 4;
    static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(250);
    static final int MAX_BATCH = 500;
    /** What a registration carries at most of each kind (the protocol's bound); the rest follows it. */
    static final int MAX_CARRIED = 1000;
    /** Held changes beyond this are dropped, oldest first: a worker cut off for days must not fill its heap. */
    static final int MAX_HELD = 100_000;

    private static final Logger log = LoggerFactory.getLogger(StateReporter.class);

    private final MasterClient client;
    private final MasterLink link;
    private final Object lock = new Object();
    /** Changes not yet delivered, oldest first. */
    private final Deque<Change> queue = new ArrayDeque<>();
    /** Deliveries failed: wait for a registration to carry the queue, or to say the master is back. */
    private boolean held;
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
        synchronized (lock) {
            queue.addLast(change);
            if (queue.size() > MAX_HELD) {
                log.warn("Dropping the oldest undelivered state change ({}): {} are waiting for a master",
                        queue.removeFirst(), MAX_HELD);
            }
            lock.notifyAll();
        }
    }

    /** The changes no master has heard yet, oldest first, as a registration carries them (bounded). */
    StateReports undelivered() {
        List<DriverStateChanged> drivers = new ArrayList<>();
        List<ExecutorStateChanged> executors = new ArrayList<>();
        synchronized (lock) {
            for (Change change : queue) {
                if (change.driver() != null && drivers.size() < MAX_CARRIED) {
                    drivers.add(change.driver());
                } else if (change.executor() != null && executors.size() < MAX_CARRIED) {
                    executors.add(change.executor());
                }
            }
        }
        return new StateReports(drivers, executors);
    }

    /** A master took these in a registration: they are delivered, and reporting goes on. */
    void delivered(StateReports carried) {
        Set<Change> done = new HashSet<>();
        carried.drivers().forEach(d -> done.add(new Change(d, null)));
        carried.executors().forEach(e -> done.add(new Change(null, e)));
        synchronized (lock) {
            queue.removeIf(done::contains);
            held = false;
            lock.notifyAll();
        }
    }

    private void run() {
        while (true) {
            List<Change> batch;
            try {
                batch = next();
            } catch (InterruptedException e) {
                return;
            }
            if (batch.isEmpty()) {
                return;
            }
            Outcome outcome = deliver(batch);
            synchronized (lock) {
                if (outcome == Outcome.HOLD) {
                    held = true;
                } else {
                    batch.forEach(queue::remove);
                }
            }
            if (outcome == Outcome.INTERRUPTED) {
                return;
            }
        }
    }

    /**
     * Waits for changes to send while nothing is held; empty once the worker is closing and nothing more
     * can go out.
     */
    private List<Change> next() throws InterruptedException {
        synchronized (lock) {
            while (open && (queue.isEmpty() || held)) {
                lock.wait(1000);
            }
            if (queue.isEmpty() || held) {
                return List.of();
            }
            List<Change> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
            for (Change change : queue) {
                if (batch.size() == MAX_BATCH) {
                    break;
                }
                batch.add(change);
            }
            return batch;
        }
    }

    private enum Outcome { DONE, HOLD, INTERRUPTED }

    private Outcome deliver(List<Change> changes) {
        StateReports reports = new StateReports(
                changes.stream().map(Change::driver).filter(Objects::nonNull).toList(),
                changes.stream().map(Change::executor).filter(Objects::nonNull).toList());
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String masterUrl = link.protocolUrl();
            if (masterUrl == null || !link.isRegistered()) {
                return Outcome.HOLD;
            }
            try {
                client.statesChanged(masterUrl, link.workerId(), reports);
                return Outcome.DONE;
            } catch (HttpClientErrorException e) {
                // The master read it and said no (unknown worker, a malformed change): asking again won't help.
                log.warn("Master {} refused {} state changes: {}", masterUrl, changes.size(), e.getStatusCode());
                return Outcome.DONE;
            } catch (RuntimeException e) {
                last = e;
            }
            if (attempt + 1 < ATTEMPTS && !pause(FIRST_RETRY_DELAY.multipliedBy(1L << attempt))) {
                return Outcome.INTERRUPTED;
            }
        }
        log.warn("Holding {} state changes (first: {}) for the next registration: master {} does not take them: {}",
                changes.size(), changes.get(0), link.masterUrl(), MasterClient.describe(last));
        return Outcome.HOLD;
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
        synchronized (lock) {
            lock.notifyAll();
        }
        sender.join(2000);
        sender.interrupt();
    }
}
