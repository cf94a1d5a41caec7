package io.drover.protocol.api;

import java.time.Instant;

/**
 * One point of the cluster's recent history ({@link ClusterHistoryView}). Totals count alive workers only,
 * as in {@link ClusterView}.
 *
 * @param at when the master took the sample
 * @param cores cores offered
 * @param coresUsed cores held by placed drivers and live executors
 * @param memoryMb memory offered
 * @param memoryUsedMb memory held by placed drivers and live executors
 * @param executorsRunning executors whose worker reported them {@code RUNNING}
 * @param driversRunning drivers whose worker reported them {@code RUNNING}
 */
public record ClusterSample(
        Instant at,
        int cores,
        int coresUsed,
        long memoryMb,
        long memoryUsedMb,
        int executorsRunning,
        int driversRunning) {
}
