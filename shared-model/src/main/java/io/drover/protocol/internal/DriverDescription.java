package io.drover.protocol.internal;

import io.drover.protocol.command.CommandSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Everything a worker needs to run a driver; the master copies it from the submission. */
public record DriverDescription(
        @NotBlank String name,
        String appResource,
        @NotNull @Valid CommandSpec command,
        @Positive int cores,
        @Positive long memoryMb,
        boolean supervise) {
}
