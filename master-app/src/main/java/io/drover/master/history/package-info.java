/**
 * The cluster's recent history: {@code ClusterSampler} samples the published snapshot on a fixed rate into
 * {@code ClusterHistory}'s bounded ring, and {@code GET /api/v1/cluster/history} serves it to the overview's
 * charts. One thread writes (the scheduler), any number read; nothing here changes master state.
 */
package io.drover.master.history;
