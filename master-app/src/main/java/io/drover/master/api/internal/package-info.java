/**
 * The worker protocol under {@code /internal/v1}: every message becomes a command.
 */
package io.drover.master.api.internal;
