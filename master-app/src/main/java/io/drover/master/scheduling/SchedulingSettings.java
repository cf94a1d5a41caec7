package io.drover.master.scheduling;

import io.drover.master.scheduling.placement.WorkerSelectionPolicy;
import io.drover.protocol.Scheduling;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the master places work, from its configuration (Spark 4's {@code spark.deploy.*} knobs and the queues), as
 * a plain record so the state machine and the placement stay free of Spring.
 *
 * @param maxDrivers the most drivers launched at once; null means no limit ({@code spark.deploy.maxDrivers})
 * @param spreadOutDrivers drivers round-robin over workers in random order, or first fit by worker id
 * @param spreadOut spread an application's executors over workers, or fill one worker first
 * @param policy the order workers are offered executors in
 * @param queues the queues; {@code default} is added (weight 1, no limit) unless configured
 */
public record SchedulingSettings(Integer maxDrivers, boolean spreadOutDrivers, boolean spreadOut,
        WorkerSelectionPolicy policy, List<QueueDefinition> queues) {

    public SchedulingSettings {
        Objects.requireNonNull(policy, "policy");
        if (maxDrivers != null && maxDrivers <= 0) {
            throw new IllegalArgumentException("max-drivers must be positive, not " + maxDrivers);
        }
        List<QueueDefinition> all = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (QueueDefinition queue : queues == null ? List.<QueueDefinition>of() : queues) {
            if (!names.add(queue.name())) {
                throw new IllegalArgumentException("queue '" + queue.name() + "' is configured twice");
            }
            all.add(queue);
        }
        if (!names.contains(Scheduling.DEFAULT_QUEUE)) {
            all.add(0, QueueDefinition.DEFAULT);
        }
        queues = List.copyOf(all);
    }

    /** Spark's defaults and only the default queue. */
    public static SchedulingSettings defaults() {
        return new SchedulingSettings(null, true, true, WorkerSelectionPolicy.CORES_FREE_DESC, List.of());
    }

    public SchedulingSettings withSpreadOut(boolean spread) {
        return new SchedulingSettings(maxDrivers, spreadOutDrivers, spread, policy, queues);
    }

    public SchedulingSettings withQueues(List<QueueDefinition> next) {
        return new SchedulingSettings(maxDrivers, spreadOutDrivers, spreadOut, policy, next);
    }

    public SchedulingSettings withDrivers(Integer max, boolean spread) {
        return new SchedulingSettings(max, spread, spreadOut, policy, queues);
    }

    public SchedulingSettings withPolicy(WorkerSelectionPolicy next) {
        return new SchedulingSettings(maxDrivers, spreadOutDrivers, spreadOut, next, queues);
    }

    public Optional<QueueDefinition> queue(String name) {
        return queues.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    /** The names of the configured queues, for a refusal that names an unknown one. */
    public List<String> queueNames() {
        return queues.stream().map(QueueDefinition::name).toList();
    }
}
