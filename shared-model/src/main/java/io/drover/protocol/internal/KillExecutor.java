package io.drover.protocol.internal;

import jakarta.validation.constraints.NotBlank;

/** Master → worker, {@code POST /internal/v1/executors/{appId}/{executorId}/kill}; checked like a launch. */
public record KillExecutor(@NotBlank String masterUrl, long epoch) {
}
