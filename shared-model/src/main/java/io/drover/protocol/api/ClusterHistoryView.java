package io.drover.protocol.api;

import java.util.List;

/**
 * {@code GET /api/v1/cluster/history}: the master's samples of the cluster over its history window,
 * oldest first. The list is empty only before the first sample; a master that just started has fewer
 * samples than the window holds.
 *
 * @param intervalMs how often the master samples
 * @param windowMs how far back the samples go at most
 */
public record ClusterHistoryView(long intervalMs, long windowMs, List<ClusterSample> samples) {

    public ClusterHistoryView {
        samples = samples == null ? List.of() : List.copyOf(samples);
    }
}
