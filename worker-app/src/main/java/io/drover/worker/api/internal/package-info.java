/**
 * The master → worker protocol under {@code /internal/v1}: launch and kill drivers and executors, and
 * application finished. Checks ids and the sending master, then maps each command onto the runner registry.
 */
package io.drover.worker.api.internal;
