package io.drover.master.state.machine;

import io.drover.master.scheduling.placement.DriverAssignment;
import io.drover.master.scheduling.placement.DriverPlacement;
import io.drover.master.scheduling.placement.WaitingDriver;
import io.drover.master.scheduling.placement.WorkerCapacity;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.internal.LaunchDriver;
import io.drover.protocol.state.MasterStatus;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One placement round: takes the waiting drivers and alive workers from the state, asks the pure
 * {@link DriverPlacement} where they go, records the decisions and describes the launch calls.
 */
final class SchedulingHandler {

    private final MasterState state;
    private final RandomGenerator random;

    SchedulingHandler(MasterState state, RandomGenerator random) {
        this.state = state;
        this.random = random;
    }

    void schedule(Instant now, List<Effect> effects) {
        if (state.status() != MasterStatus.ALIVE) {
            return;
        }
        List<WaitingDriver> waiting = state.activeDrivers().values().stream()
                .filter(DriverEntry::isWaiting)
                .map(d -> new WaitingDriver(d.driverId(), d.demand()))
                .toList();
        if (waiting.isEmpty()) {
            return;
        }
        List<WorkerCapacity> workers = state.workers().values().stream()
                .filter(WorkerEntry::isAlive)
                .map(w -> new WorkerCapacity(w.workerId(), w.free()))
                .toList();
        for (DriverAssignment assignment : DriverPlacement.place(waiting, workers, random.nextLong())) {
            DriverEntry placed = state.activeDriver(assignment.driverId()).orElseThrow()
                    .placedOn(assignment.workerId(), now);
            state.updateDriver(placed);
            WorkerEntry worker = state.worker(assignment.workerId()).orElseThrow();
            effects.add(new Effect.Persist(Effect.driverKey(placed.driverId()), placed));
            effects.add(new Effect.SendLaunchDriver(worker.workerId(), worker.url(),
                    new LaunchDriver(state.url(), state.epoch(), placed.driverId(), placed.description())));
        }
    }
}
