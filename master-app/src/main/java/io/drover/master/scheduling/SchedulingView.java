package io.drover.master.scheduling;

import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.WorkerEntry;
import java.util.Map;

/**
 * What a placement round reads of the master's state: the live state on the state thread, or a published
 * snapshot (the queues' page and API). Read only.
 */
public interface SchedulingView {

    Map<String, WorkerEntry> workers();

    /** Drivers that have not ended. */
    Map<String, DriverEntry> activeDrivers();

    /** Applications that have not ended. */
    Map<String, ApplicationEntry> activeApps();

    static SchedulingView of(ClusterSnapshot snapshot) {
        return new SchedulingView() {
            @Override
            public Map<String, WorkerEntry> workers() {
                return snapshot.workers();
            }

            @Override
            public Map<String, DriverEntry> activeDrivers() {
                return snapshot.drivers();
            }

            @Override
            public Map<String, ApplicationEntry> activeApps() {
                return snapshot.applications();
            }
        };
    }
}
