package io.drover.protocol.internal;

import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.resources.ResourceAddresses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.Map;

/**
 * Everything a worker needs to run a driver; the master copies it from the submission.
 *
 * @param resources custom resources the driver asks for, amounts by name ({@code {"gpu": 1}}); the addresses
 *     it gets come with each launch ({@link LaunchDriver#resourceAddresses()}). Empty when it asks for none.
 */
public record DriverDescription(
        @NotBlank String name,
        String appResource,
        @NotNull @Valid CommandSpec command,
        @Positive int cores,
        @Positive long memoryMb,
        boolean supervise,
        Map<@NotNull @Pattern(regexp = ResourceAddresses.NAME_REGEX) String, @NotNull @Positive @Max(1024) Integer>
                resources) {

    public DriverDescription {
        resources = ResourceAddresses.copyOfAmounts(resources);
    }

    /** A driver that asks for no custom resources. */
    public DriverDescription(String name, String appResource, CommandSpec command, int cores, long memoryMb,
            boolean supervise) {
        this(name, appResource, command, cores, memoryMb, supervise, Map.of());
    }
}
