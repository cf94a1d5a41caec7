package io.drover.master.api;

import io.drover.master.state.ClusterStateStore;
import io.drover.server.security.DriverTokenCheck;
import org.springframework.stereotype.Component;

/**
 * A driver's token works on the master only while its driver has not ended (issue 10): the published
 * snapshot lists active drivers, so the first request after the driver's end is refused with 401.
 */
@Component
class DriverTokenLiveness implements DriverTokenCheck {

    private final ClusterStateStore store;

    DriverTokenLiveness(ClusterStateStore store) {
        this.store = store;
    }

    @Override
    public boolean accepts(String driverId) {
        return store.snapshot().drivers().containsKey(driverId);
    }
}
