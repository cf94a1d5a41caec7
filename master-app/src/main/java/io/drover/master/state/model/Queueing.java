package io.drover.master.state.model;

import io.drover.protocol.Scheduling;
import java.util.Objects;

/**
 * Where a driver or an application stands in line: its queue, and its priority inside it (higher first).
 */
public record Queueing(String queue, int priority) {

    public static final Queueing DEFAULT = new Queueing(Scheduling.DEFAULT_QUEUE, 0);

    public Queueing {
        Objects.requireNonNull(queue, "queue");
    }

    /** As stored by a Drover that had no queues: the default queue, priority 0. */
    public static Queueing of(String queue, Integer priority) {
        return queue == null ? DEFAULT : new Queueing(queue, priority == null ? 0 : priority);
    }
}
