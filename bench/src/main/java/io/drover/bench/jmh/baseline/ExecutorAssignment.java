package io.drover.bench.jmh.baseline;

/** A placement decision: launch one executor of this application on this worker, with these resources. */
public record ExecutorAssignment(String appId, String workerId, int cores, long memoryMb) {
}
