package io.drover.worker.runner;

import io.drover.worker.isolation.Confinement;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The kill handshake both runners follow. The first kill of a run decides; a later one can only make its
 * end silent, so a worker shutdown after a reported kill stays quiet. A run counts as KILLED only once its
 * whole tree is gone, not when its main process exits: until then its cores and memory are not free, and
 * a shutdown must not return while a child still runs.
 *
 * <p>Not thread-safe on purpose: the owning runner guards it with its own lock, so that a kill and the
 * state it is checked against change together.
 */
final class TreeKill {

    private boolean requested;
    private boolean report = true;
    private String reason;

    /**
     * @param over whether the run has already ended
     * @return true for the first kill of a run still going: the caller must carry it out
     */
    boolean request(boolean over, boolean report, String why) {
        if (over || requested) {
            this.report = this.report && report;
            return false;
        }
        requested = true;
        this.report = report;
        reason = why;
        return true;
    }

    boolean requested() {
        return requested;
    }

    String reason() {
        return reason;
    }

    /** Every end is reported except a kill that was asked for silently. */
    boolean reports(boolean killed) {
        return !killed || report;
    }

    /**
     * Stops the tree on a runner thread, or on this one once the threads are closed, then sweeps the run's
     * confinement (its cgroup holds whatever double-forked its way out of the tree) and hands {@code killed}
     * the exit code: null should the process somehow outlive the grace period and SIGKILL.
     */
    static void terminate(RunnerContext context, Process target, Confinement confinement, Consumer<Integer> killed) {
        try {
            context.work().execute(() -> terminateNow(context, target, confinement, killed));
        } catch (RejectedExecutionException e) {
            terminateNow(context, target, confinement, killed);
        }
    }

    private static void terminateNow(RunnerContext context, Process target, Confinement confinement,
            Consumer<Integer> killed) {
        try {
            ProcessTree.terminate(target.toHandle(), confinement.mainPid(target.toHandle()), context.killGrace());
            confinement.killAll();
        } finally {
            killed.accept(target.isAlive() ? null : target.exitValue());
        }
    }
}
