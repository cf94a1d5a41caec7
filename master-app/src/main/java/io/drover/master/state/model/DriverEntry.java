package io.drover.master.state.model;

import io.drover.protocol.internal.DriverDescription;
import io.drover.protocol.resources.ResourceAddresses;
import io.drover.protocol.resources.Resources;
import io.drover.protocol.state.DriverState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A driver as the master knows it. Immutable; the state machine replaces it on every change.
 *
 * <p>A driver waits for placement while its state is SUBMITTED or RELAUNCHING and it has no
 * {@code workerId}. Once placed it keeps that state, with a worker, until the worker reports the process
 * RUNNING: "launching" is a waiting state with a worker, not a state of its own.
 *
 * @param seq submission order; waiting drivers are placed in this order
 * @param workerId the worker it is placed on now; null while waiting or after it ended
 * @param lastWorkerId the worker it ran on last, kept for the API after it ends or while it relaunches
 * @param relaunches how often the master placed it again after its worker was lost
 * @param workerRestarts how often its current worker restarted it under supervise
 * @param launchAttempts consecutive launch calls that failed
 * @param audit who submitted it and who asked to kill it; once killed it must not be relaunched
 * @param pid its process on its worker while RUNNING; null otherwise
 * @param queueing its queue and its priority there
 * @param resourceAddresses the addresses of its worker's custom resources it holds while placed; empty otherwise
 */
public record DriverEntry(
        String driverId,
        long seq,
        DriverDescription description,
        DriverState state,
        String workerId,
        String lastWorkerId,
        Instant submittedAt,
        Instant launchedAt,
        Instant startedAt,
        Instant endedAt,
        Integer exitCode,
        int relaunches,
        int workerRestarts,
        int launchAttempts,
        Audit audit,
        String message,
        Long pid,
        Queueing queueing,
        Map<String, List<String>> resourceAddresses) {

    public DriverEntry {
        queueing = queueing != null ? queueing : Queueing.DEFAULT;
        resourceAddresses = ResourceAddresses.copyOf(resourceAddresses);
    }

    public static DriverEntry submitted(String driverId, long seq, DriverDescription description, String submittedBy,
            Queueing queueing, Instant now) {
        return new DriverEntry(driverId, seq, description, DriverState.SUBMITTED, null, null, now, null, null, null,
                null, 0, 0, 0, Audit.submittedBy(submittedBy), null, null, queueing, Map.of());
    }

    /** A driver submitted to the default queue at priority 0. */
    public static DriverEntry submitted(String driverId, long seq, DriverDescription description, String submittedBy,
            Instant now) {
        return submitted(driverId, seq, description, submittedBy, Queueing.DEFAULT, now);
    }

    /** A user asked to kill it: it must not be launched or relaunched again. */
    public boolean killRequested() {
        return audit.killedBy() != null;
    }

    public Resources demand() {
        return Resources.of(description.cores(), description.memoryMb());
    }

    public boolean isWaiting() {
        return state.isWaiting() && workerId == null;
    }

    public int restarts() {
        return relaunches + workerRestarts;
    }

    /** Placed on a worker, holding these of its custom resource addresses; the waiting reason goes. */
    public DriverEntry placedOn(String worker, Map<String, List<String>> addresses, Instant now) {
        return new DriverEntry(driverId, seq, description, state, worker, worker, submittedAt, now, startedAt,
                endedAt, exitCode, relaunches, workerRestarts, launchAttempts, audit, message, null, queueing,
                addresses);
    }

    public DriverEntry placedOn(String worker, Instant now) {
        return placedOn(worker, Map.of(), now);
    }

    /** Its worker reports its process running: at launch, after a supervised restart, or when adopted. */
    public DriverEntry running(int restartsOnWorker, Long processId, Instant now) {
        return new DriverEntry(driverId, seq, description, DriverState.RUNNING, workerId, lastWorkerId, submittedAt,
                launchedAt, now, endedAt, null, relaunches, restartsOnWorker, 0, audit, null, processId, queueing,
                resourceAddresses);
    }

    public DriverEntry ended(DriverState finalState, Integer code, String why, Instant now) {
        return new DriverEntry(driverId, seq, description, finalState, null, lastWorkerId, submittedAt, launchedAt,
                startedAt, now, code, relaunches, workerRestarts, launchAttempts, audit, why, null, queueing, Map.of());
    }

    /** Back to the queue after a failed launch call; the attempt is counted. */
    public DriverEntry launchFailed(String why) {
        return new DriverEntry(driverId, seq, description, state, null, lastWorkerId, submittedAt, launchedAt,
                startedAt, endedAt, exitCode, relaunches, workerRestarts, launchAttempts + 1, audit, why, null, queueing,
                Map.of());
    }

    /**
     * Back to the queue without counting anything against it: it was placed but never reported running, and
     * its worker does not run it (lost before it started, or a master took over before the launch arrived).
     */
    public DriverEntry unplaced(String why) {
        return new DriverEntry(driverId, seq, description, state, null, lastWorkerId, submittedAt, launchedAt,
                startedAt, endedAt, exitCode, relaunches, workerRestarts, launchAttempts, audit, why, null, queueing,
                Map.of());
    }

    /** Whether its worker has ever reported its process running in this placement. */
    public boolean hasRun() {
        return state == DriverState.RUNNING;
    }

    /** Back to the queue because its worker was lost (supervise). */
    public DriverEntry relaunching(String why) {
        return new DriverEntry(driverId, seq, description, DriverState.RELAUNCHING, null, lastWorkerId, submittedAt,
                launchedAt, startedAt, endedAt, exitCode, relaunches + 1, 0, 0, audit, why, null, queueing, Map.of());
    }

    public DriverEntry withKillRequestedBy(String who) {
        return new DriverEntry(driverId, seq, description, state, workerId, lastWorkerId, submittedAt, launchedAt,
                startedAt, endedAt, exitCode, relaunches, workerRestarts, launchAttempts, audit.killedBy(who), message,
                pid, queueing, resourceAddresses);
    }
}
