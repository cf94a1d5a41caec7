package io.drover.master.scheduling;

import io.drover.protocol.Scheduling;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configured queue ({@code drover.master.queues[n]}).
 *
 * @param weight its weight among the queues that have work: the share of the cluster's cores it is served up to
 *     before queues further below their shares go first
 * @param maxCores the most cores its drivers and executors may hold at once; null means no limit
 */
public record QueueDefinition(String name, int weight, Integer maxCores) {

    private static final Pattern NAME = Pattern.compile(Scheduling.QUEUE_REGEX);

    public QueueDefinition {
        Objects.requireNonNull(name, "a queue needs a name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("queue name '" + name + "' must match " + Scheduling.QUEUE_REGEX);
        }
        if (weight <= 0) {
            throw new IllegalArgumentException("queue '" + name + "': weight must be positive, not " + weight);
        }
        if (maxCores != null && maxCores <= 0) {
            throw new IllegalArgumentException("queue '" + name + "': max-cores must be positive, not " + maxCores);
        }
    }

    /** The queue that always exists, unless configured otherwise: weight 1, no limit. */
    public static final QueueDefinition DEFAULT = new QueueDefinition(Scheduling.DEFAULT_QUEUE, 1, null);
}
