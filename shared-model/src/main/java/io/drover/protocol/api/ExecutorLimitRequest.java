package io.drover.protocol.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** {@code PUT /api/v1/applications/{appId}/executor-limit}: ask for more or fewer executors. */
public record ExecutorLimitRequest(@NotNull @PositiveOrZero @Max(1_000_000) Integer limit) {
}
