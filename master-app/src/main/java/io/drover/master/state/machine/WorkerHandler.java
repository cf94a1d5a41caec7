package io.drover.master.state.machine;

import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.internal.Heartbeat;
import io.drover.protocol.internal.HeartbeatReply;
import io.drover.protocol.internal.RegisterWorker;
import io.drover.protocol.internal.RegisterWorkerReply;
import io.drover.protocol.resources.Resources;
import io.drover.protocol.state.MasterStatus;
import io.drover.protocol.state.WorkerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Workers: registration, heartbeats, and declaring silent workers DEAD (DESIGN.md §2, flows 1 and 2). */
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
        if (state.status() != MasterStatus.ALIVE) {
            throw CommandRejected.notAlive("the master is " + state.status() + " and takes no registrations");
        }
        WorkerEntry existing = state.worker(message.workerId()).orElse(null);
        if (existing != null && existing.isAlive()) {
            throw CommandRejected.conflict("worker " + message.workerId() + " is already registered");
        }
        // Only one process can serve an address, so an entry there under another id is a worker that was
        // restarted: it is gone, and waiting for its timeout would only delay the new one (Spark waits).
        for (WorkerEntry other : List.copyOf(state.workers().values())) {
            if (other.url().equals(message.url()) && !other.workerId().equals(message.workerId())) {
                if (other.isAlive()) {
                    lose(other, "replaced by " + message.workerId() + " registering from the same address", now,
                            effects);
                }
                forget(other.workerId(), effects);
            }
        }
        if (existing != null) {
            forget(existing.workerId(), effects);
        }
        WorkerEntry worker = WorkerEntry.registered(message.workerId(), message.host(), message.port(),
                message.url(), Resources.of(message.cores(), message.memoryMb()), message.sparkVersion(), now);
        state.putWorker(worker);
        effects.add(new Effect.Persist(Effect.workerKey(worker.workerId()), worker));
        effects.add(new Effect.RequestSchedule());
        log.info("Worker {} registered from {} with {} cores and {} MB{}", worker.workerId(), worker.url(),
                message.cores(), message.memoryMb(), existing != null ? " (replacing its dead entry)" : "");
        return new RegisterWorkerReply(state.url(), state.epoch(), settings.heartbeatInterval().toMillis(),
                notPlacedOn(worker.workerId(), message.runningDriverIds()),
                applications.notPlacedOn(worker.workerId(), message.runningExecutors()));
    }

    HeartbeatReply heartbeat(String workerId, Heartbeat heartbeat, Instant now, List<Effect> effects) {
        WorkerEntry worker = state.worker(workerId).orElse(null);
        if (worker == null || !worker.isAlive() || heartbeat.epoch() != state.epoch()) {
            return HeartbeatReply.RECONNECT;
        }
        state.putWorker(worker.heartbeatAt(now));
        for (String driverId : worker.driverIds()) {
            if (!heartbeat.runningDriverIds().contains(driverId)) {
                state.activeDriver(driverId).ifPresent(d -> drivers.notRunningOnWorker(d, now, effects));
            }
        }
        List<String> kill = notPlacedOn(workerId, heartbeat.runningDriverIds());
        List<String> killExecutors = applications.notPlacedOn(workerId, heartbeat.runningExecutors());
        if (!kill.isEmpty() || !killExecutors.isEmpty()) {
            log.warn("Worker {} runs work the master has not given it; telling it to kill {} {}", workerId, kill,
                    killExecutors);
        }
        return new HeartbeatReply(false, kill, killExecutors);
    }

    void checkWorkers(Instant now, List<Effect> effects) {
        Instant silentSince = now.minus(settings.workerTimeout());
        Instant forgetBefore = now.minus(settings.deadWorkerRetention());
        for (WorkerEntry worker : List.copyOf(state.workers().values())) {
            if (worker.isAlive() && worker.lastHeartbeat().isBefore(silentSince)) {
                lose(worker, "no heartbeat for " + seconds(Duration.between(worker.lastHeartbeat(), now)), now,
                        effects);
            } else if (worker.state() == WorkerState.DEAD && worker.deadSince().isBefore(forgetBefore)) {
                forget(worker.workerId(), effects);
                log.info("Worker {} forgotten after its retention", worker.workerId());
            }
        }
    }

    private void lose(WorkerEntry worker, String why, Instant now, List<Effect> effects) {
        log.warn("Worker {} is DEAD: {}", worker.workerId(), why);
        for (String driverId : worker.driverIds()) {
            state.activeDriver(driverId).ifPresent(driver ->
                    drivers.workerLost(driver, "worker " + worker.workerId() + " was lost: " + why, now, effects));
        }
        applications.workerLost(state.worker(worker.workerId()).orElse(worker), why, now, effects);
        WorkerEntry dead = state.worker(worker.workerId()).orElse(worker).dead(now);
        state.putWorker(dead);
        effects.add(new Effect.Persist(Effect.workerKey(dead.workerId()), dead));
    }

    private void forget(String workerId, List<Effect> effects) {
        state.removeWorker(workerId);
        effects.add(new Effect.Unpersist(Effect.workerKey(workerId)));
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
