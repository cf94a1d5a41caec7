package io.drover.master.api;

import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.protocol.state.MasterStatus;
import io.drover.server.security.DriverTokenCheck;
import org.springframework.stereotype.Component;

/**
 * A driver's token works on the master only while its driver has not ended (issue 10): the published
 * snapshot lists active drivers, so the first request after the driver's end is refused with 401. A master
 * that is not ALIVE lets it through to its 503 (issue 9).
 */
@Component
class DriverTokenLiveness implements DriverTokenCheck {

    private final ClusterStateStore store;

    DriverTokenLiveness(ClusterStateStore store) {
        this.store = store;
    }

    @Override
    public boolean accepts(String driverId) {
        ClusterSnapshot snapshot = store.snapshot();
        // A master that does not lead (standby, recovering) cannot tell whether the driver has ended: a
        // well-signed token passes, and the call gets the 503 that sends the driver's client to the leader,
        // rather than a 401 that it would take as final.
        return snapshot.status() != MasterStatus.ALIVE || snapshot.drivers().containsKey(driverId);
    }
}
