package io.drover.worker.registration;

import io.drover.protocol.internal.Heartbeat;
import io.drover.protocol.internal.HeartbeatReply;
import io.drover.worker.health.WorkDirHealth;
import io.drover.worker.support.NamedThreads;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Heartbeats the followed master with the worker's inventory at the interval its registration reply set
 * (known only at runtime, hence a scheduler rather than {@code @Scheduled}). Obeys the reply: reconnect, or
 * kill drivers and executors the master no longer gives this worker (Spark's {@code WorkerLatestState}
 * reconciliation), or leave once decommissioned. Each beat carries the worker's health, checked then.
 */
@Service
class HeartbeatService {

    /**
     * After this many missed beats the master has declared us dead anyway (it heartbeats-checks at four
     * intervals), so registering again cannot collide with our old entry, and it finds a new leader after
     * a failover that nobody told us about.
     */
    static final int FAILURES_BEFORE_RECONNECT = 4;

    private static final Logger log = LoggerFactory.getLogger(HeartbeatService.class);

    private final MasterClient client;
    private final MasterLink link;
    private final Inventory inventory;
    private final WorkDirHealth health;
    private final DecommissionNotice decommission;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("drover-heartbeat"));
    private ScheduledFuture<?> task;
    private volatile boolean closed;

    HeartbeatService(MasterClient client, MasterLink link, Inventory inventory, WorkDirHealth health,
            DecommissionNotice decommission) {
        this.health = health;
        this.decommission = decommission;
        this.client = client;
        this.link = link;
        this.inventory = inventory;
    }

    /** Starts beating to {@code masterUrl}, replacing any earlier schedule; {@code reconnect} re-registers. */
    synchronized void start(String masterUrl, Duration interval, Runnable reconnect) {
        stop();
        if (executor.isShutdown()) {
            return;
        }
        long ms = Math.max(1, interval.toMillis());
        task = executor.scheduleWithFixedDelay(new Beat(masterUrl, reconnect), ms, ms, TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        closed = true;
        stop();
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** One schedule's beats; its failure count lives and dies with it, so every outage is logged once. */
    private final class Beat implements Runnable {

        private final String masterUrl;
        private final Runnable reconnect;
        private int failures;

        Beat(String masterUrl, Runnable reconnect) {
            this.masterUrl = masterUrl;
            this.reconnect = reconnect;
        }

        @Override
        public void run() {
            // Catch everything: an exception escaping a fixed-delay task silently ends the schedule.
            try {
                HeartbeatReply reply = client.heartbeat(masterUrl, link.workerId(),
                        new Heartbeat(link.epoch(), inventory.runningDriverIds(), inventory.runningExecutors(),
                                health.get()));
                recovered();
                obey(reply);
            } catch (RuntimeException e) {
                failed(e);
            }
        }

        private void obey(HeartbeatReply reply) {
            if (!reply.killDriverIds().isEmpty()) {
                log.info("Master {} does not give us drivers {}; killing them", masterUrl, reply.killDriverIds());
                inventory.killDriversSilently(reply.killDriverIds());
            }
            if (!reply.killExecutors().isEmpty()) {
                log.info("Master {} does not give us executors {}; killing them", masterUrl, reply.killExecutors());
                inventory.killExecutorsSilently(reply.killExecutors());
            }
            if (reply.decommissioned()) {
                decommission.decommissioned("master " + masterUrl + " is decommissioning this worker");
            }
            if (reply.reconnect()) {
                log.info("Master {} does not know this worker; registering again", masterUrl);
                reconnect.run();
            }
        }

        private void recovered() {
            if (failures > 0) {
                log.info("Heartbeats reach master {} again after {} failed", masterUrl, failures);
            }
            failures = 0;
        }

        private void failed(RuntimeException e) {
            if (closed) {
                return; // interrupted by our own shutdown, not a master outage
            }
            failures++;
            if (failures == 1) {
                log.warn("Heartbeat to master {} failed: {} (further failures are not logged until it answers)",
                        masterUrl, MasterClient.describe(e));
            }
            if (failures == FAILURES_BEFORE_RECONNECT) {
                log.warn("Master {} missed {} heartbeats; registering again", masterUrl, failures);
                reconnect.run();
            }
        }
    }
}
