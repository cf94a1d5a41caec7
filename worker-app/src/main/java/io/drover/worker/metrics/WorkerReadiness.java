package io.drover.worker.metrics;

import io.drover.worker.registration.MasterLink;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** In the readiness group: a worker is ready once it has registered with a master. */
@Component("droverReadiness")
class WorkerReadiness implements HealthIndicator {

    private final MasterLink link;

    WorkerReadiness(MasterLink link) {
        this.link = link;
    }

    @Override
    public Health health() {
        return (link.isRegistered() ? Health.up() : Health.outOfService())
                .withDetail("master", link.masterUrl() == null ? "none" : link.masterUrl()).build();
    }
}
