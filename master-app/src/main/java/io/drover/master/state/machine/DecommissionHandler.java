package io.drover.master.state.machine;

import io.drover.master.state.model.Drain;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.internal.DecommissionWorker;
import io.drover.protocol.internal.WorkerDecommissioning;
import io.drover.protocol.state.WorkerState;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decommissioning workers (issue 14): asked by an admin through the API, or by the worker itself. The worker's
 * loss while decommissioning ({@link WorkerHandler#lose}) also ends it DECOMMISSIONED rather than DEAD.
 */
final class DecommissionHandler {

    private static final Logger log = LoggerFactory.getLogger(DecommissionHandler.class);

    private final MasterState state;
    private final ApplicationHandler applications;

    DecommissionHandler(MasterState state, ApplicationHandler applications) {
        this.state = state;
        this.applications = applications;
    }

    /**
     * Decommissions a worker (Spark's decommission, Nomad's drain): no new work goes there, its executors end
     * DECOMMISSIONED (not a failure) and are replaced elsewhere, its drivers run on until they end (supervised
     * ones are then relaunched elsewhere), and it ends DECOMMISSIONED once nothing runs there or it has left.
     * Asking again while it drains changes nothing.
     *
     * @param tellWorker whether to tell the worker (an admin asked; a worker that asked knows)
     */
    void decommission(String workerId, String reason, boolean tellWorker, Instant now, List<Effect> effects) {
        WorkerEntry worker = state.worker(workerId)
                .orElseThrow(() -> CommandRejected.notFound("no worker " + workerId));
        if (worker.state() == WorkerState.DECOMMISSIONED) {
            throw CommandRejected.conflict("worker " + workerId + " is already decommissioned");
        }
        if (!worker.isConnected()) {
            throw CommandRejected.conflict("worker " + workerId + " is " + worker.state() + ": nothing to decommission");
        }
        if (worker.drain() != null) {
            return;
        }
        log.info("Worker {} is being decommissioned: {}", workerId, reason);
        state.putWorker(worker.draining(new Drain(now, reason)));
        applications.decommissionExecutors(workerId, "its worker " + workerId + " is being decommissioned: " + reason,
                now, effects);
        if (tellWorker) {
            effects.add(new Effect.SendDecommissionWorker(workerId, worker.protocolUrl(),
                    new DecommissionWorker(state.url(), state.epoch(), reason)));
        }
        finishDrain(state.worker(workerId).orElseThrow(), now);
        effects.add(new Effect.RequestSchedule());
    }

    /** The worker's own notice; one sent under another epoch, or by a worker that may not run work, is ignored. */
    void decommissioning(String workerId, WorkerDecommissioning message, Instant now, List<Effect> effects) {
        WorkerEntry worker = state.worker(workerId).orElse(null);
        if (worker == null || !worker.isConnected() || worker.drain() != null || message.epoch() != state.epoch()) {
            return;
        }
        String reason = message.reason() == null || message.reason().isBlank() ? "it decommissions itself"
                : message.reason();
        decommission(workerId, "decommissioned by the worker: " + reason, false, now, effects);
    }

    /** Workers being decommissioned that nothing runs on any more are DECOMMISSIONED. */
    void finishDrains(Instant now) {
        for (WorkerEntry worker : List.copyOf(state.workers().values())) {
            if (worker.isDraining()) {
                finishDrain(worker, now);
            }
        }
    }

    private void finishDrain(WorkerEntry worker, Instant now) {
        if (worker.isDraining() && worker.driverIds().isEmpty() && worker.executorKeys().isEmpty()) {
            log.info("Worker {} is DECOMMISSIONED: nothing runs there any more", worker.workerId());
            state.putWorker(worker.decommissioned(now));
        }
    }
}
