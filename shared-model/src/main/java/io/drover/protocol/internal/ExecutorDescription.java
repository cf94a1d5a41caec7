package io.drover.protocol.internal;

import io.drover.protocol.command.CommandSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Everything a worker needs to run one executor; the master copies it from the application.
 *
 * @param appResource fetched into the executor's directory first, like a driver's
 */
public record ExecutorDescription(
        @NotBlank String appName,
        @NotNull @Valid CommandSpec command,
        String appResource,
        @Positive int cores,
        @Positive long memoryMb,
        String driverUrl) {
}
