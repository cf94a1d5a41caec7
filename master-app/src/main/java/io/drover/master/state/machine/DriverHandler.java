package io.drover.master.state.machine;

import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.Queueing;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.ids.IdGenerator;
import io.drover.protocol.internal.ChildProcess;
import io.drover.protocol.internal.DriverDescription;
import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.internal.KillDriver;
import io.drover.protocol.resources.Resources;
import io.drover.protocol.state.DriverState;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        Resources demand = Resources.of(request.cores(), request.memoryMb());
        checkSomeWorkerCouldHold(demand);
        SubmissionChecks.checkQueue(settings.scheduling(), request.queue(), request.cores(), "cores");
        SubmissionChecks.checkResources(state, request.resources(), "resources");
        if (request.command().needsSpark()) {
            checkSomeWorkerHasSpark(state);
        }
        DriverDescription description = new DriverDescription(request.name(), request.appResource(),
                request.command(), request.cores(), request.memoryMb(), request.supervise(), request.resources());
        settings.quota().checkDriver(state, submittedBy, description);
        long number = state.nextDriverNumber();
        DriverEntry driver = DriverEntry.submitted(ids.driverId(number), number, description, submittedBy,
                new Queueing(request.queue(), request.priority()), now);
        state.addDriver(driver);
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
        List<WorkerEntry> alive = state.workers().values().stream().filter(WorkerEntry::acceptsWork).toList();
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
        List<WorkerEntry> alive = state.workers().values().stream().filter(WorkerEntry::acceptsWork).toList();
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
        state.updateDriver(driver);
        sendKill(driver, effects);
        log.info("Driver {} to be killed on {}, asked by {}", driverId, driver.workerId(), killedBy);
    }

    private void sendKill(DriverEntry driver, List<Effect> effects) {
        state.worker(driver.workerId()).filter(WorkerEntry::mayRunWork).ifPresent(worker -> effects.add(
                new Effect.SendKillDriver(worker.workerId(), worker.protocolUrl(), driver.driverId(),
                        new KillDriver(state.url(), state.epoch()))));
    }

    void stateChanged(String workerId, DriverStateChanged report, Instant now, List<Effect> effects) {
        DriverEntry driver = state.activeDriver(report.driverId()).orElse(null);
        if (driver == null || !workerId.equals(driver.workerId())) {
            // A late report from a worker the driver has left; the heartbeat inventory cleans that worker up.
            log.debug("Ignoring {} for {} from {}: not placed there", report.state(), report.driverId(), workerId);
            return;
        }
        if (report.workerFault() != null && report.state().isTerminal()) {
            // Not the driver's failure: placed again elsewhere, the attempt not counted (the worker is unhealthy now).
            workerLost(driver, "launch refused by worker " + workerId + ": " + report.workerFault(), now, effects);
            return;
        }
        if (report.state().isTerminal() && movesOffDrainingWorker(driver, report.state())) {
            state.updateDriver(driver.relaunching("its worker " + workerId + " is being decommissioned; it ended "
                    + report.state() + (report.message() != null ? " (" + report.message() + ")" : "")));
            effects.add(new Effect.RequestSchedule());
            log.info("Driver {} ended {} on {}, which is being decommissioned: relaunching elsewhere",
                    driver.driverId(), report.state(), workerId);
            return;
        }
        if (report.state() == DriverState.RUNNING) {
            state.updateDriver(driver.running(report.restarts(), report.pid(), now));
            log.info("Driver {} running on {}{}", driver.driverId(), workerId,
                    report.restarts() > 0 ? " (restart " + report.restarts() + ")" : "");
        } else if (report.state().isTerminal()) {
            end(driver.ended(report.state(), report.exitCode(), report.message(), now), effects);
        } else {
            log.warn("Ignoring state {} for driver {} from {}: workers do not report it", report.state(),
                    driver.driverId(), workerId);
        }
    }

    /**
     * A supervised driver that ends on a worker being decommissioned, other than by finishing or by a kill someone
     * asked for, is relaunched elsewhere instead of restarted in place (Spark's decommission).
     */
    private boolean movesOffDrainingWorker(DriverEntry driver, DriverState ended) {
        return driver.description().supervise() && !driver.killRequested() && ended != DriverState.FINISHED
                && state.worker(driver.workerId()).map(WorkerEntry::isDraining).orElse(false);
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
        effects.add(new Effect.RequestSchedule());
    }

    /**
     * The worker had no room for the driver (it still runs work the master counted as ended, after a
     * take-over): back to the queue, without counting a launch attempt. No round is asked for: the safety-net
     * round places it again, so a worker that keeps refusing is not asked again at once in a loop.
     */
    void launchRefused(String driverId, String workerId, String reason, Instant now, List<Effect> effects) {
        DriverEntry driver = state.activeDriver(driverId).orElse(null);
        if (driver == null || !workerId.equals(driver.workerId()) || driver.hasRun()) {
            return;
        }
        String why = "worker " + workerId + " refused the launch: " + reason;
        if (driver.killRequested()) {
            end(driver.ended(DriverState.KILLED, null, why, now), effects);
            return;
        }
        state.updateDriver(driver.unplaced(why));
        log.info("Driver {} back in the queue: {}", driverId, why);
    }

    /**
     * The worker a driver was placed on is gone. One that never ran goes back to the queue; one that ran is
     * placed again when supervised, and ends ERROR otherwise (Spark's rule).
     */
    void workerLost(DriverEntry driver, String why, Instant now, List<Effect> effects) {
        if (driver.killRequested()) {
            end(driver.ended(DriverState.KILLED, null, why, now), effects);
        } else if (!driver.hasRun()) {
            state.updateDriver(driver.unplaced(why));
            effects.add(new Effect.RequestSchedule());
            log.info("Driver {} back in the queue: {}", driver.driverId(), why);
        } else if (driver.description().supervise()) {
            state.updateDriver(driver.relaunching(why));
            effects.add(new Effect.RequestSchedule());
            log.info("Driver {} relaunching: {}", driver.driverId(), why);
        } else {
            end(driver.ended(DriverState.ERROR, null, why, now), effects);
        }
    }

    /**
     * A worker answering a master that took over (or registering again) reports the drivers it runs. Each is
     * adopted as it runs, never started again: one the master had placed there, or one still waiting in the
     * queue (it runs, so that is where it is). A kill asked before the take-over is sent again. After a
     * take-over the worker's word is complete, so a driver placed there that it does not report is not
     * running there.
     */
    void adopt(String workerId, List<ChildProcess> reported, boolean afterTakeOver, Instant now,
            List<Effect> effects) {
        Set<String> reportedIds = new HashSet<>();
        for (ChildProcess process : reported) {
            reportedIds.add(process.id());
            DriverEntry driver = state.activeDriver(process.id()).orElse(null);
            if (driver == null) {
                continue; // ended or unknown: the reply's kill list takes care of it
            }
            if (driver.workerId() == null && afterTakeOver && !driver.killRequested()) {
                driver = driver.placedOn(workerId, now);
                state.updateDriver(driver);
            }
            if (!workerId.equals(driver.workerId())) {
                continue;
            }
            if (driver.killRequested()) {
                sendKill(driver, effects);
            } else if (process.pid() != null && (!driver.hasRun() || !process.pid().equals(driver.pid()))) {
                DriverEntry running = driver.running(process.restarts(), process.pid(),
                        process.startedAt() != null ? process.startedAt() : now);
                state.updateDriver(running);
                log.info("Driver {} adopted on {} (pid {})", driver.driverId(), workerId, process.pid());
            }
        }
        if (afterTakeOver) {
            for (String driverId : List.copyOf(state.worker(workerId).orElseThrow().driverIds())) {
                if (!reportedIds.contains(driverId)) {
                    state.activeDriver(driverId).ifPresent(d -> notReportedAfterTakeOver(d, now, effects));
                }
            }
        }
    }

    /** A driver the master had placed that no worker reports after a take-over: it is not running. */
    void notReportedAfterTakeOver(DriverEntry driver, Instant now, List<Effect> effects) {
        String where = driver.workerId() == null ? "no worker" : "its worker " + driver.workerId();
        workerLost(driver, where + " did not report it running after master " + state.url() + " took over", now,
                effects);
    }

    /** A kill was asked for a driver its worker no longer runs: the kill has happened, whatever ended it. */
    void notRunningOnWorker(DriverEntry driver, Instant now, List<Effect> effects) {
        if (driver.killRequested() && driver.state() == DriverState.RUNNING) {
            end(driver.ended(DriverState.KILLED, null, "killed; its worker no longer runs it", now), effects);
        }
    }

    private void end(DriverEntry ended, List<Effect> effects) {
        state.completeDriver(ended);
        applications.driverEnded(ended.driverId(), ended.endedAt(), effects);
        effects.add(new Effect.RequestSchedule());
        log.info("Driver {} {}{}{}", ended.driverId(), ended.state(),
                ended.exitCode() != null ? " with exit code " + ended.exitCode() : "",
                ended.message() != null ? ": " + ended.message() : "");
    }
}
