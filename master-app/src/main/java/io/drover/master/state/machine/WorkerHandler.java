package io.drover.master.state.machine;

import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.Health;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.internal.Heartbeat;
import io.drover.protocol.internal.HeartbeatReply;
import io.drover.protocol.internal.RegisterWorker;
import io.drover.protocol.internal.RegisterWorkerReply;
import io.drover.protocol.internal.StateReports;
import io.drover.protocol.internal.WorkerHealth;
import io.drover.protocol.internal.WorkerLeaving;
import io.drover.protocol.resources.Resources;
import io.drover.protocol.state.WorkerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workers: registration (first time, again after losing us, or answering a master that took over),
 * heartbeats, leaving, and declaring silent workers DEAD (DESIGN.md §2, flows 1, 2 and 7).
 */
final class WorkerHandler {

    private static final Logger log = LoggerFactory.getLogger(WorkerHandler.class);

    private final MasterState state;
    private final MachineSettings settings;
    private final DriverHandler drivers;
    private final ApplicationHandler applications;

    WorkerHandler(MasterState state, MachineSettings settings, DriverHandler drivers,
            ApplicationHandler applications) {
        this.state = state;
        this.settings = settings;
        this.drivers = drivers;
        this.applications = applications;
    }

    RegisterWorkerReply register(RegisterWorker message, Instant now, List<Effect> effects) {
        WorkerEntry existing = state.worker(message.workerId()).orElse(null);
        if (existing != null && existing.state() == WorkerState.DECOMMISSIONED) {
            // A decommissioned worker never comes back under its id: a restarted worker process has a new one.
            throw CommandRejected.conflict("worker " + message.workerId() + " was decommissioned"
                    + (existing.drain() == null ? "" : " (" + existing.drain().reason() + ")")
                    + "; start a new worker process to offer this host again");
        }
        if (existing != null && existing.isConnected() && !existing.url().equals(message.url())) {
            throw CommandRejected.conflict("worker " + message.workerId() + " is already registered from "
                    + existing.url());
        }
        raiseEpochAbove(message.followedEpoch(), message.workerId());
        // Only one process can serve an address, so an entry there under another id is a worker that was
        // restarted: it is gone, and waiting for its timeout would only delay the new one (Spark waits).
        for (WorkerEntry other : state.workersAt(message.url())) {
            if (!other.workerId().equals(message.workerId())) {
                if (other.mayRunWork()) {
                    lose(other, "replaced by " + message.workerId() + " registering from the same address", now,
                            effects);
                }
                forget(other.workerId());
            }
        }
        Resources offered = Resources.of(message.cores(), message.memoryMb());
        boolean rejoining = existing != null && existing.mayRunWork();
        if (rejoining) {
            boolean afterTakeOver = existing.state() == WorkerState.UNKNOWN;
            state.putWorker(existing.rejoined(now).withOffer(offered, message.protocolUrl())
                    .withCapabilities(message.resources(), message.attributes())
                    .withHealth(health(message.healthOrHealthy(), existing.health(), now))
                    .withIsolation(message.isolation()));
            adopt(existing.workerId(), message, afterTakeOver, now, effects);
            log.info("Worker {} is back with {} drivers and {} executors running{}", existing.workerId(),
                    message.drivers().size(), message.executors().size(), afterTakeOver ? " (after take-over)" : "");
        } else {
            if (existing != null) {
                forget(existing.workerId());
            }
            state.putWorker(WorkerEntry.registered(message.workerId(), message.host(), message.port(), message.url(),
                    offered, now, message.protocolUrl()).withCapabilities(message.resources(), message.attributes())
                    .withHealth(health(message.healthOrHealthy(), Health.HEALTHY, now))
                    .withIsolation(message.isolation()));
            applyUnreported(message.workerId(), message.unreported(), now, effects);
            log.info("Worker {} registered from {} with {} cores and {} MB{}", message.workerId(), message.url(),
                    message.cores(), message.memoryMb(), existing != null ? " (replacing its dead entry)" : "");
        }
        effects.add(new Effect.RequestSchedule());
        return new RegisterWorkerReply(state.url(), state.epoch(), settings.heartbeatInterval().toMillis(),
                notPlacedOn(message.workerId(), message.runningDriverIds()),
                applications.notPlacedOn(message.workerId(), message.runningExecutors()));
    }

    /**
     * Workers follow no epoch below one they have followed. A worker that has followed a higher one than ours
     * (this store was reset, or it followed another master) would never follow us: we take a higher one.
     */
    private void raiseEpochAbove(long followedEpoch, String workerId) {
        if (followedEpoch > state.epoch()) {
            log.warn("Worker {} has followed epoch {}, above ours ({}); taking epoch {} so it can follow us",
                    workerId, followedEpoch, state.epoch(), followedEpoch + 1);
            state.epoch(followedEpoch + 1);
        }
    }

    /**
     * The worker's own word on what runs there: its undelivered reports first (a driver that ended while
     * no master listened), then its running drivers and executors, which are adopted as they are.
     */
    private void adopt(String workerId, RegisterWorker message, boolean afterTakeOver, Instant now,
            List<Effect> effects) {
        applyUnreported(workerId, message.unreported(), now, effects);
        drivers.adopt(workerId, message.drivers(), afterTakeOver, now, effects);
        applications.adopt(workerId, message.executors(), afterTakeOver, now, effects);
    }

    private void applyUnreported(String workerId, StateReports reports, Instant now, List<Effect> effects) {
        if (reports != null) {
            applyReports(workerId, reports, now, effects);
        }
    }

    /**
     * A worker's reports, each list in order. A launch it refused for its own reasons (its work directory, a
     * resource it cannot fetch) marks it unhealthy first, so the work it gives back is not placed there again.
     */
    void applyReports(String workerId, StateReports reports, Instant now, List<Effect> effects) {
        reports.drivers().stream().filter(r -> r.workerFault() != null).findFirst()
                .ifPresent(r -> markUnhealthy(workerId, r.workerFault(), now));
        reports.executors().stream().filter(r -> r.workerFault() != null).findFirst()
                .ifPresent(r -> markUnhealthy(workerId, r.workerFault(), now));
        reports.drivers().forEach(change -> drivers.stateChanged(workerId, change, now, effects));
        reports.executors().forEach(change -> applications.executorStateChanged(workerId, change, now, effects));
    }

    /** Left out of placement until its health report says it is fine again; what it runs is left alone. */
    private void markUnhealthy(String workerId, String reason, Instant now) {
        state.worker(workerId).filter(WorkerEntry::mayRunWork).ifPresent(worker -> {
            if (worker.health().healthy() || !reason.equals(worker.health().reason())) {
                log.warn("Worker {} is unhealthy: it refused a launch for its own reasons: {}", workerId, reason);
                state.putWorker(worker.withHealth(Health.unhealthy(reason, now)));
            }
        });
    }

    /** The health a worker reports, keeping when it became unhealthy if it still is for the same reason. */
    private static Health health(WorkerHealth reported, Health known, Instant now) {
        if (reported.healthy()) {
            return Health.HEALTHY;
        }
        String reason = reported.reason() == null || reported.reason().isBlank() ? "its health check failed"
                : reported.reason();
        return !known.healthy() && reason.equals(known.reason()) ? known : Health.unhealthy(reason, now);
    }

    HeartbeatReply heartbeat(String workerId, Heartbeat heartbeat, Instant now, List<Effect> effects) {
        WorkerEntry worker = state.worker(workerId).orElse(null);
        if (worker != null && worker.state() == WorkerState.DECOMMISSIONED) {
            return HeartbeatReply.DECOMMISSIONED;
        }
        if (worker == null || !worker.isConnected() || heartbeat.epoch() != state.epoch()) {
            return HeartbeatReply.RECONNECT;
        }
        state.heartbeat(workerId, now);
        if (heartbeat.health() != null) {
            Health next = health(heartbeat.health(), worker.health(), now);
            if (!next.equals(worker.health())) {
                log.info("Worker {} reports itself {}", workerId, next.healthy() ? "healthy again"
                        : "unhealthy: " + next.reason());
                state.putWorker(state.worker(workerId).orElseThrow().withHealth(next));
                effects.add(new Effect.RequestSchedule());
            }
        }
        for (String driverId : worker.driverIds()) {
            if (!heartbeat.runningDriverIds().contains(driverId)) {
                state.activeDriver(driverId).ifPresent(d -> drivers.notRunningOnWorker(d, now, effects));
            }
        }
        applications.releaseNotRunning(workerId, heartbeat.runningExecutors(), effects);
        List<String> kill = notPlacedOn(workerId, heartbeat.runningDriverIds());
        List<String> killExecutors = new ArrayList<>(applications.notPlacedOn(workerId, heartbeat.runningExecutors()));
        killExecutors.addAll(applications.stillRunningLongAfterTheirEnd(heartbeat.runningExecutors(), now));
        if (!kill.isEmpty() || !killExecutors.isEmpty()) {
            log.warn("Worker {} runs work the master has not given it; telling it to kill {} {}", workerId, kill,
                    killExecutors);
        }
        if (kill.isEmpty() && killExecutors.isEmpty() && worker.drain() == null) {
            return HeartbeatReply.OK;
        }
        return new HeartbeatReply(false, kill, killExecutors, worker.drain() != null);
    }

    /** A worker says it is leaving, its children ended: its work is replaced now, not after its timeout. */
    void leave(String workerId, WorkerLeaving message, Instant now, List<Effect> effects) {
        WorkerEntry worker = state.worker(workerId).orElse(null);
        if (worker == null || !worker.mayRunWork() || message.epoch() != state.epoch()) {
            return;
        }
        String reason = message.reason() == null || message.reason().isBlank() ? "it stopped" : message.reason();
        lose(worker, "it left: " + reason, now, effects);
    }

    void checkWorkers(Instant now, List<Effect> effects) {
        Instant silentSince = now.minus(settings.workerTimeout());
        Instant forgetBefore = now.minus(settings.deadWorkerRetention());
        for (WorkerEntry worker : List.copyOf(state.workers().values())) {
            Instant lastHeard = state.lastHeartbeat(worker);
            if (worker.isConnected() && lastHeard.isBefore(silentSince)) {
                lose(worker, "no heartbeat for " + seconds(Duration.between(lastHeard, now)), now,
                        effects);
            } else if ((worker.state() == WorkerState.DEAD || worker.state() == WorkerState.DECOMMISSIONED)
                    && worker.deadSince().isBefore(forgetBefore)) {
                forget(worker.workerId());
                log.info("Worker {} forgotten after its retention", worker.workerId());
            }
        }
    }

    /**
     * The worker is gone: its drivers and executors are replaced or end, and it becomes DEAD, or DECOMMISSIONED when
     * it was being decommissioned (a worker that leaves after its decommission has done what was asked).
     */
    void lose(WorkerEntry worker, String why, Instant now, List<Effect> effects) {
        boolean draining = worker.drain() != null;
        log.warn("Worker {} is {}: {}", worker.workerId(), draining ? "DECOMMISSIONED" : "DEAD", why);
        for (String driverId : worker.driverIds()) {
            state.activeDriver(driverId).ifPresent(driver ->
                    drivers.workerLost(driver, "worker " + worker.workerId() + " was lost: " + why, now, effects));
        }
        applications.workerLost(state.worker(worker.workerId()).orElse(worker), why, now, effects);
        WorkerEntry gone = state.worker(worker.workerId()).orElse(worker);
        state.putWorker(draining ? gone.decommissioned(now) : gone.dead(now));
    }

    private void forget(String workerId) {
        state.removeWorker(workerId);
    }

    /** Drivers a worker says it runs that the master has not placed on it: the worker must kill them. */
    private List<String> notPlacedOn(String workerId, List<String> running) {
        List<String> strays = new ArrayList<>();
        for (String driverId : running) {
            DriverEntry driver = state.activeDriver(driverId).orElse(null);
            if (driver == null || !workerId.equals(driver.workerId())) {
                strays.add(driverId);
            }
        }
        return strays;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() / 1000.0 + " s";
    }
}
