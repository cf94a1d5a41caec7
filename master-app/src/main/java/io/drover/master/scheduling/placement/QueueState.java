package io.drover.master.scheduling.placement;

import java.util.Objects;

/**
 * A queue at the start of a round.
 *
 * @param weight its weight among the queues that have work
 * @param maxCores the most cores its work may hold; null means no limit
 * @param coresHeld the cores its drivers and executors hold now
 */
public record QueueState(String name, int weight, Integer maxCores, int coresHeld) {

    public QueueState {
        Objects.requireNonNull(name, "name");
        if (weight <= 0) {
            throw new IllegalArgumentException("a queue's weight must be positive: " + weight);
        }
    }
}
