/** The master → worker protocol under {@code /internal/v1}: maps commands onto the runner registry. */
package io.drover.worker.api.internal;
