/**
 * The worker's Prometheus metrics and its readiness: read from the runner registry and the master link.
 */
package io.drover.worker.metrics;
