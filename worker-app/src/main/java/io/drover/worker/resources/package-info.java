/**
 * Custom resources this worker offers (GPUs, FPGAs): found once at start from {@code drover.worker.resources.*}
 * (a count, or Spark's discovery script), sent in the registration, and checked against each launch's
 * assigned addresses.
 */
package io.drover.worker.resources;
