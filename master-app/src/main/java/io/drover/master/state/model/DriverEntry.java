package io.drover.master.state.model;

import io.drover.protocol.internal.DriverDescription;
import io.drover.protocol.resources.Resources;
import io.drover.protocol.state.DriverState;
import java.time.Instant;

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
        String message) {

    public static DriverEntry submitted(String driverId, long seq, DriverDescription description, String submittedBy,
            Instant now) {
        return new DriverEntry(driverId, seq, description, DriverState.SUBMITTED, null, null, now, null, null, null,
                null, 0, 0, 0, Audit.submittedBy(submittedBy), null);
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

    public DriverEntry placedOn(String worker, Instant now) {
        return new DriverEntry(driverId, seq, description, state, worker, worker, submittedAt, now, startedAt,
                endedAt, exitCode, relaunches, workerRestarts, launchAttempts, audit, message);
    }

    public DriverEntry running(int restartsOnWorker, Instant now) {
        return new DriverEntry(driverId, seq, description, DriverState.RUNNING, workerId, lastWorkerId, submittedAt,
                launchedAt, now, endedAt, null, relaunches, restartsOnWorker, 0, audit, null);
    }

    public DriverEntry ended(DriverState finalState, Integer code, String why, Instant now) {
        return new DriverEntry(driverId, seq, description, finalState, null, lastWorkerId, submittedAt, launchedAt,
                startedAt, now, code, relaunches, workerRestarts, launchAttempts, audit, why);
    }

    /** Back to the queue after a failed launch call; the attempt is counted. */
    public DriverEntry launchFailed(String why) {
        return new DriverEntry(driverId, seq, description, state, null, lastWorkerId, submittedAt, launchedAt,
                startedAt, endedAt, exitCode, relaunches, workerRestarts, launchAttempts + 1, audit, why);
    }

    /** Back to the queue because its worker was lost (supervise). */
    public DriverEntry relaunching(String why) {
        return new DriverEntry(driverId, seq, description, DriverState.RELAUNCHING, null, lastWorkerId, submittedAt,
                launchedAt, startedAt, endedAt, exitCode, relaunches + 1, 0, 0, audit, why);
    }

    public DriverEntry withKillRequestedBy(String who) {
        return new DriverEntry(driverId, seq, description, state, workerId, lastWorkerId, submittedAt, launchedAt,
                startedAt, endedAt, exitCode, relaunches, workerRestarts, launchAttempts, audit.killedBy(who), message);
    }
}
