package io.drover.master.metrics;

import io.drover.master.state.ClusterStateStore;
import io.drover.protocol.state.MasterStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** In the readiness group: a master takes traffic only while it is ALIVE (not STANDBY or recovering). */
@Component("droverReadiness")
class MasterReadiness implements HealthIndicator {

    private final ClusterStateStore store;

    MasterReadiness(ClusterStateStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        MasterStatus status = store.snapshot().status();
        return (status == MasterStatus.ALIVE ? Health.up() : Health.outOfService()).withDetail("status", status)
                .build();
    }
}
