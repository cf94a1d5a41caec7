package io.drover.protocol.internal;

import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.resources.ResourceAddresses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;

/**
 * Everything a worker needs to run one executor; the master copies it from the application.
 *
 * @param appResource fetched into the executor's directory first, like a driver's
 * @param resourceAddresses the addresses of the worker's custom resources the master assigned to this executor,
 *     by name; the child gets them as {@code DROVER_RESOURCE_<NAME>=0,1} and in a resources file. Empty when
 *     the application asked for none.
 */
public record ExecutorDescription(
        @NotBlank String appName,
        @NotNull @Valid CommandSpec command,
        String appResource,
        @Positive int cores,
        @Positive long memoryMb,
        String driverUrl,
        Map<@NotNull @Pattern(regexp = ResourceAddresses.NAME_REGEX) String,
                @NotNull List<@NotNull @Pattern(regexp = ResourceAddresses.ADDRESS_REGEX) String>> resourceAddresses) {

    public ExecutorDescription {
        resourceAddresses = ResourceAddresses.copyOf(resourceAddresses);
    }

    /** An executor without custom resources. */
    public ExecutorDescription(String appName, CommandSpec command, String appResource, int cores, long memoryMb,
            String driverUrl) {
        this(appName, command, appResource, cores, memoryMb, driverUrl, Map.of());
    }
}
