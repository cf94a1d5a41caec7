/**
 * The public API under {@code /api/v1}: controllers only map requests to commands and snapshots to views.
 */
package io.drover.master.api;
