package io.drover.worker.decommission;

import io.drover.protocol.internal.WorkerDecommissioning;
import io.drover.worker.config.SchedulingProperties;
import io.drover.worker.registration.DecommissionNotice;
import io.drover.worker.registration.MasterClient;
import io.drover.worker.registration.MasterLink;
import io.drover.worker.runner.RunnerRegistry;
import io.drover.worker.support.NamedThreads;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The worker's side of decommissioning (issue 14; Spark's {@code spark.decommission.enabled} worker). It starts
 * one of two ways: the worker is sent {@code SIGPWR} (or {@code SIGTERM} with {@code decommission-on-term}) and
 * tells its master ({@link WorkerDecommissioning}), or an admin decommissions it at the master, which says so
 * ({@code DecommissionWorker}, heartbeat replies). Either way the worker keeps running what it runs; once the
 * master's word has come it takes no new launch (the master stops and replaces its executors), and when no driver
 * runs here any more it stops whatever is left and leaves, which the master records as DECOMMISSIONED. A
 * decommission begun by {@code SIGTERM} waits at most {@code decommission-timeout} for that.
 */
@Component
public class WorkerDecommission implements DecommissionNotice {

    /** How often a decommissioned worker looks whether its last driver has ended. */
    static final Duration DRIVERS_POLL = Duration.ofMillis(250);
    /** How soon a notice the master did not take is sent again. */
    static final Duration NOTICE_RETRY = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(WorkerDecommission.class);

    private final RunnerRegistry registry;
    private final MasterClient client;
    private final MasterLink link;
    private final SchedulingProperties properties;
    private final ConfigurableApplicationContext application;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("drover-decommission"));
    private final AtomicBoolean begun = new AtomicBoolean();
    private final AtomicBoolean decommissioned = new AtomicBoolean();
    private final AtomicBoolean leaving = new AtomicBoolean();
    private SignalHandler previousPwr;
    private SignalHandler previousTerm;

    WorkerDecommission(RunnerRegistry registry, MasterClient client, MasterLink link, SchedulingProperties properties,
            ConfigurableApplicationContext application) {
        this.registry = registry;
        this.client = client;
        this.link = link;
        this.properties = properties;
        this.application = application;
    }

    @PostConstruct
    void handleSignals() {
        previousPwr = handle("PWR", signal -> begin("SIGPWR"));
        if (properties.decommissionOnTerm()) {
            previousTerm = handle("TERM", signal -> beginOnTerm());
        }
    }

    /** The worker decommissions itself: tells its master, and runs on until the master lets it go. */
    public void begin(String why) {
        if (!begun.compareAndSet(false, true)) {
            return;
        }
        log.info("Decommissioning this worker ({}); telling master {}", why, link.masterUrl());
        schedule(() -> tell("the worker was sent " + why), Duration.ZERO);
    }

    private void beginOnTerm() {
        begin("SIGTERM");
        schedule(() -> {
            log.warn("The master did not let this worker go within {} of SIGTERM; stopping anyway",
                    properties.decommissionTimeout());
            leave();
        }, properties.decommissionTimeout());
    }

    /** Sent until a master takes it, or the master's word arrives first. */
    private void tell(String reason) {
        if (decommissioned.get()) {
            return;
        }
        String masterUrl = link.protocolUrl();
        if (masterUrl == null || !link.isRegistered()) {
            log.info("No master to tell of the decommission yet; trying again in {}", NOTICE_RETRY);
            schedule(() -> tell(reason), NOTICE_RETRY);
            return;
        }
        try {
            client.decommissioning(masterUrl, link.workerId(), new WorkerDecommissioning(link.epoch(), reason));
            log.info("Master {} took the decommission; running on until it lets this worker go", masterUrl);
        } catch (RuntimeException e) {
            log.warn("Could not tell master {} of the decommission ({}); trying again in {}", masterUrl,
                    MasterClient.describe(e), NOTICE_RETRY);
            schedule(() -> tell(reason), NOTICE_RETRY);
        }
    }

    /** The master's word: no new launches, and leave once the drivers here have ended. */
    @Override
    public void decommissioned(String reason) {
        if (!decommissioned.compareAndSet(false, true)) {
            return;
        }
        registry.stopTakingWork();
        log.info("Decommissioned ({}): taking no new work; leaving once {} driver(s) here have ended", reason,
                registry.runningDriverIds().size());
        try {
            timer.scheduleWithFixedDelay(this::leaveOnceDriversEnded, 0, DRIVERS_POLL.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing already
        }
    }

    public boolean isDecommissioned() {
        return decommissioned.get();
    }

    private void leaveOnceDriversEnded() {
        if (registry.runningDriverIds().isEmpty()) {
            log.info("No driver runs here any more; the decommissioned worker leaves");
            leave();
        }
    }

    private void leave() {
        if (leaving.compareAndSet(false, true)) {
            WorkerExit.leave(application);
        }
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing: nothing more to do
        }
    }

    /** @return the handler it replaced, or null when this JVM does not let the signal be handled */
    private static SignalHandler handle(String name, SignalHandler handler) {
        try {
            return Signal.handle(new Signal(name), handler);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            log.warn("SIG{} cannot be handled on this JVM ({}); decommission this worker through the master's API "
                    + "instead", name, e.getMessage());
            return null;
        }
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
        restore("PWR", previousPwr);
        restore("TERM", previousTerm);
    }

    private static void restore(String name, SignalHandler previous) {
        if (previous != null) {
            try {
                Signal.handle(new Signal(name), previous);
            } catch (IllegalArgumentException e) {
                // it could be handled a moment ago; nothing to give back
            }
        }
    }
}
