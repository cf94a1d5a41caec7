package io.drover.bench.jmh.baseline;

import io.drover.protocol.resources.Resources;

/** An alive worker and what it has free at the start of a round. */
public record WorkerCapacity(String workerId, Resources free) {
}
