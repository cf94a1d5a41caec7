package io.drover.worker.runner;

/** Where a driver runs, as its {@code {{WORKER_URL}}}, {@code {{HOSTNAME}}} and {@code DROVER_MASTER_URL} say. */
record LaunchSite(String masterUrl, String workerUrl, String hostname) {
}
