package io.drover.master.state.machine;

import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.WorkerEntry;
import java.util.List;

/**
 * What a master that takes over reads from the store before it acts: the leader epoch it now leads under,
 * the id counters, and every stored worker, driver and application (applications with their executors),
 * ended ones included. Workers come without the work placed on them; the state rebuilds that from the
 * drivers and executors.
 */
public record RecoveredState(long epoch, IdCounters counters, List<WorkerEntry> workers, List<DriverEntry> drivers,
        List<ApplicationEntry> applications) {

    public RecoveredState {
        workers = List.copyOf(workers);
        drivers = List.copyOf(drivers);
        applications = List.copyOf(applications);
    }

    /** A store with nothing in it yet, taken over under {@code epoch}. */
    public static RecoveredState empty(long epoch) {
        return new RecoveredState(epoch, IdCounters.START, List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return workers.isEmpty() && drivers.isEmpty() && applications.isEmpty();
    }
}
