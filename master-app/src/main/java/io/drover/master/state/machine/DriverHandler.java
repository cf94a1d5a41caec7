package io.drover.master.state.machine;

import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.ids.IdGenerator;
import io.drover.protocol.internal.DriverDescription;
import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.internal.KillDriver;
import io.drover.protocol.resources.Resources;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.MasterStatus;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drivers: submission, kills, what workers report, and what happens to them when their worker is lost. */
final class DriverHandler {

    private static final Logger log = LoggerFactory.getLogger(DriverHandler.class);

    private final MasterState state;
    private final MachineSettings settings;
    private final IdGenerator ids;
    private final ApplicationHandler applications;

    DriverHandler(MasterState state, MachineSettings settings, IdGenerator ids, ApplicationHandler applications) {
        this.state = state;
        this.settings = settings;
        this.ids = ids;
        this.applications = applications;
    }

    String submit(SubmitDriverRequest request, String submittedBy, Instant now, List<Effect> effects) {
        if (state.status() != MasterStatus.ALIVE) {
            throw CommandRejected.notAlive("the master is " + state.status() + " and takes no submissions");
        }
        Resources demand = Resources.of(request.cores(), request.memoryMb());
        checkSomeWorkerCouldHold(demand);
        if (request.command().needsSpark()) {
            checkSomeWorkerHasSpark(state);
        }
        DriverDescription description = new DriverDescription(request.name(), request.appResource(),
                request.command(), request.cores(), request.memoryMb(), request.supervise());
        DriverEntry driver = DriverEntry.submitted(ids.newDriverId(), state.nextDriverSeq(), description,
                submittedBy, now);
        state.addDriver(driver);
        effects.add(new Effect.Persist(Effect.driverKey(driver.driverId()), driver));
        effects.add(new Effect.RequestSchedule());
        log.info("Driver {} submitted by {}: {} ({} cores, {} MB{})", driver.driverId(), submittedBy, request.name(),
                request.cores(), request.memoryMb(), request.supervise() ? ", supervised" : "");
        return driver.driverId();
    }

    /**
     * A driver bigger than every alive worker would wait forever, so it is refused. With no alive worker
     * there is nothing to compare with, and it waits for one to register.
     */
    private void checkSomeWorkerCouldHold(Resources demand) {
        List<WorkerEntry> alive = state.workers().values().stream().filter(WorkerEntry::isAlive).toList();
        if (alive.isEmpty() || alive.stream().anyMatch(w -> w.total().fits(demand))) {
            return;
        }
        int maxCores = alive.stream().mapToInt(w -> w.total().cores()).max().orElse(0);
        long maxMemory = alive.stream().mapToLong(w -> w.total().memoryMb()).max().orElse(0);
        StringBuilder problem = new StringBuilder();
        if (demand.cores() > maxCores) {
            problem.append("cores: ").append(demand.cores()).append(" is more than any worker offers (largest: ")
                    .append(maxCores).append(")");
        }
        if (demand.memoryMb() > maxMemory) {
            problem.append(problem.isEmpty() ? "" : "; ").append("memoryMb: ").append(demand.memoryMb())
                    .append(" is more than any worker offers (largest: ").append(maxMemory).append(")");
        }
        if (problem.isEmpty()) {
            problem.append("cores, memoryMb: no single worker offers ").append(demand.cores()).append(" cores and ")
                    .append(demand.memoryMb()).append(" MB together");
        }
        throw CommandRejected.invalid(problem.toString());
    }

    /**
     * A command that needs Spark ({@code {{SPARK_CLASSPATH}}}) runs only on a worker with Spark (issue 12): with
     * alive workers and none of them with Spark it would wait forever, so it is refused. With no alive worker
     * it waits for one, as any driver does.
     */
    static void checkSomeWorkerHasSpark(MasterState state) {
        List<WorkerEntry> alive = state.workers().values().stream().filter(WorkerEntry::isAlive).toList();
        if (!alive.isEmpty() && alive.stream().noneMatch(WorkerEntry::hasSpark)) {
            throw CommandRejected.invalid("command: needs Spark ({{SPARK_CLASSPATH}}) but none of the "
                    + alive.size() + " alive workers has Spark; start workers with drover.worker.spark-home"
                    + " (or SPARK_HOME) set to a Spark installation");
        }
    }

    void kill(String driverId, String killedBy, Instant now, List<Effect> effects) {
        DriverEntry found = state.anyDriver(driverId)
                .orElseThrow(() -> CommandRejected.notFound("no driver " + driverId));
        if (found.state().isTerminal()) {
            throw CommandRejected.conflict("driver " + driverId + " has already ended (" + found.state() + ")");
        }
        if (found.killRequested()) {
            return;
        }
        DriverEntry driver = found.withKillRequestedBy(killedBy);
        if (driver.workerId() == null) {
            end(driver.ended(DriverState.KILLED, null, "killed by " + killedBy + " while waiting for a worker", now),
                    effects);
            return;
        }
        DriverEntry killing = driver;
        state.updateDriver(killing);
        effects.add(new Effect.Persist(Effect.driverKey(driverId), killing));
        WorkerEntry worker = state.worker(driver.workerId()).orElseThrow();
        effects.add(new Effect.SendKillDriver(worker.workerId(), worker.url(), driverId,
                new KillDriver(state.url(), state.epoch())));
        log.info("Driver {} to be killed on {}, asked by {}", driverId, worker.workerId(), killedBy);
    }

    void stateChanged(String workerId, DriverStateChanged report, Instant now, List<Effect> effects) {
        DriverEntry driver = state.activeDriver(report.driverId()).orElse(null);
        if (driver == null || !workerId.equals(driver.workerId())) {
            // A late report from a worker the driver has left; the heartbeat inventory cleans that worker up.
            log.debug("Ignoring {} for {} from {}: not placed there", report.state(), report.driverId(), workerId);
            return;
        }
        if (report.state() == DriverState.RUNNING) {
            DriverEntry running = driver.running(report.restarts(), now);
            state.updateDriver(running);
            effects.add(new Effect.Persist(Effect.driverKey(driver.driverId()), running));
            log.info("Driver {} running on {}{}", driver.driverId(), workerId,
                    report.restarts() > 0 ? " (restart " + report.restarts() + ")" : "");
        } else if (report.state().isTerminal()) {
            end(driver.ended(report.state(), report.exitCode(), report.message(), now), effects);
        } else {
            log.warn("Ignoring state {} for driver {} from {}: workers do not report it", report.state(),
                    driver.driverId(), workerId);
        }
    }

    void launchFailed(String driverId, String workerId, String reason, Instant now, List<Effect> effects) {
        DriverEntry driver = state.activeDriver(driverId).orElse(null);
        if (driver == null || !workerId.equals(driver.workerId())) {
            return;
        }
        String why = "launch on " + workerId + " failed: " + reason;
        if (driver.killRequested()) {
            end(driver.ended(DriverState.KILLED, null, why, now), effects);
            return;
        }
        DriverEntry failed = driver.launchFailed(why);
        if (failed.launchAttempts() >= settings.maxLaunchAttempts()) {
            end(failed.ended(DriverState.ERROR, null,
                    "could not launch after " + failed.launchAttempts() + " attempts; last: " + why, now), effects);
            return;
        }
        log.warn("Driver {}: {}; back in the queue", driverId, why);
        state.updateDriver(failed);
        effects.add(new Effect.Persist(Effect.driverKey(driverId), failed));
        effects.add(new Effect.RequestSchedule());
    }

    /** The worker a driver was placed on is gone: supervised drivers are placed again, others end. */
    void workerLost(DriverEntry driver, String why, Instant now, List<Effect> effects) {
        if (driver.killRequested()) {
            end(driver.ended(DriverState.KILLED, null, why, now), effects);
        } else if (driver.description().supervise()) {
            DriverEntry relaunching = driver.relaunching(why);
            state.updateDriver(relaunching);
            effects.add(new Effect.Persist(Effect.driverKey(driver.driverId()), relaunching));
            effects.add(new Effect.RequestSchedule());
            log.info("Driver {} relaunching: {}", driver.driverId(), why);
        } else {
            end(driver.ended(DriverState.ERROR, null, why, now), effects);
        }
    }

    /** A kill was asked for a driver its worker no longer runs: the kill has happened, whatever ended it. */
    void notRunningOnWorker(DriverEntry driver, Instant now, List<Effect> effects) {
        if (driver.killRequested() && driver.state() == DriverState.RUNNING) {
            end(driver.ended(DriverState.KILLED, null, "killed; its worker no longer runs it", now), effects);
        }
    }

    private void end(DriverEntry ended, List<Effect> effects) {
        state.completeDriver(ended);
        effects.add(new Effect.Unpersist(Effect.driverKey(ended.driverId())));
        applications.driverEnded(ended.driverId(), ended.endedAt(), effects);
        effects.add(new Effect.RequestSchedule());
        log.info("Driver {} {}{}{}", ended.driverId(), ended.state(),
                ended.exitCode() != null ? " with exit code " + ended.exitCode() : "",
                ended.message() != null ? ": " + ended.message() : "");
    }
}
