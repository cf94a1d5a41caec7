package io.drover.protocol.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * Master → worker, {@code POST /internal/v1/master-changed}: a master that has just taken over (after a
 * restart, or on winning a leader election) tells every worker it knows. A worker follows it only if
 * {@code epoch} is higher than any it has seen, and answers by registering with it, inventory included
 * (DESIGN.md §2, flow 7).
 */
public record MasterChanged(@NotBlank String masterUrl, @Positive long epoch) {
}
