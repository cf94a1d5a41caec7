/**
 * Decommissioning from the worker's side (issue 14): {@code SIGPWR}, or {@code SIGTERM} with
 * {@code decommission-on-term}, tells the master; the master's word (its {@code DecommissionWorker} call or a
 * heartbeat reply) stops new launches, and once no driver runs here the worker stops its children and leaves.
 */
package io.drover.worker.decommission;
