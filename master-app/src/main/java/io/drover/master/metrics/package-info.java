/**
 * The master's Prometheus metrics and readiness: gauges read the published snapshot; counters and timers
 * follow the state store's commands and effects. Nothing here changes state.
 */
package io.drover.master.metrics;
