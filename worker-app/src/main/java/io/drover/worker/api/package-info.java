/** The worker's public API under {@code /api/v1} (its own state); controllers only map. */
package io.drover.worker.api;
