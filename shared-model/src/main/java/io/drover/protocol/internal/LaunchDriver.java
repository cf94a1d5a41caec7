package io.drover.protocol.internal;

import io.drover.protocol.ids.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Master → worker, {@code POST /internal/v1/drivers}. The worker obeys only when {@code masterUrl} and
 * {@code epoch} are those of the master it registered with.
 */
public record LaunchDriver(
        @NotBlank String masterUrl,
        long epoch,
        @NotNull @Pattern(regexp = Ids.DRIVER_ID_REGEX) String driverId,
        @NotNull @Valid DriverDescription description) {
}
