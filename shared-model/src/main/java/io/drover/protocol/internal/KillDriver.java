package io.drover.protocol.internal;

import jakarta.validation.constraints.NotBlank;

/** Master → worker, {@code POST /internal/v1/drivers/{driverId}/kill}; checked like {@link LaunchDriver}. */
public record KillDriver(@NotBlank String masterUrl, long epoch) {
}
