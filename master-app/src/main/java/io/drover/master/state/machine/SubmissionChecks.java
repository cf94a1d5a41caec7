package io.drover.master.state.machine;

import io.drover.master.scheduling.QueueDefinition;
import io.drover.master.scheduling.SchedulingSettings;
import io.drover.master.state.model.WorkerEntry;
import java.util.List;
import java.util.Map;

/**
 * What a submission asks of queues and custom resources that could never be met, refused at once with the field
 * named (as sizes bigger than every worker are): an unknown queue, more cores per driver or executor than its
 * queue may hold, more of a custom resource than any alive worker offers. With no alive worker there is nothing to
 * compare with, and the work waits.
 */
final class SubmissionChecks {

    private SubmissionChecks() {
    }

    /** @param cores the cores of one driver or one executor (null: an executor takes what its worker grants) */
    static void checkQueue(SchedulingSettings scheduling, String queue, Integer cores, String coresField) {
        QueueDefinition definition = scheduling.queue(queue).orElseThrow(() -> CommandRejected.invalid("queue: no "
                + "queue '" + queue + "'; the queues are " + String.join(", ", scheduling.queueNames())));
        if (cores != null && definition.maxCores() != null && cores > definition.maxCores()) {
            throw CommandRejected.invalid(coresField + ": " + cores + " is more than queue '" + queue
                    + "' may hold (its max-cores is " + definition.maxCores() + ")");
        }
    }

    static void checkResources(MasterState state, Map<String, Integer> asked, String field) {
        if (asked.isEmpty()) {
            return;
        }
        List<WorkerEntry> alive = state.workers().values().stream().filter(WorkerEntry::acceptsWork).toList();
        if (alive.isEmpty()) {
            return;
        }
        asked.forEach((name, amount) -> {
            int largest = alive.stream().mapToInt(w -> w.resources().offered().getOrDefault(name, List.of()).size())
                    .max().orElse(0);
            if (amount > largest) {
                throw CommandRejected.invalid(field + "." + name + ": " + amount + " is more than any worker offers "
                        + "(largest: " + largest + ")");
            }
        });
    }
}
