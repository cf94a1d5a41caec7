package io.drover.protocol.internal;

import jakarta.validation.constraints.Size;

/**
 * A worker's own word on whether it can run work (YARN's node health check): its work directory writable
 * and with room, and whatever else it checks. An unhealthy worker is left out of placement until a report says
 * it is healthy again; what it already runs is left alone.
 *
 * @param reason why it is unhealthy, shown in the API and on the dashboard; null when healthy
 */
public record WorkerHealth(boolean healthy, @Size(max = 1000) String reason) {

    public static final WorkerHealth HEALTHY = new WorkerHealth(true, null);

    public static WorkerHealth unhealthy(String reason) {
        return new WorkerHealth(false, reason);
    }
}
