package io.drover.protocol.internal;

import io.drover.protocol.ids.Ids;
import io.drover.protocol.resources.ResourceAddresses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;

/**
 * Master → worker, {@code POST /internal/v1/drivers}. The worker obeys only when {@code masterUrl} and
 * {@code epoch} are those of the master it registered with.
 *
 * @param resourceAddresses the addresses of the worker's custom resources the master assigned to this driver,
 *     by name (what {@code description.resources()} asked for); the child gets them as
 *     {@code DROVER_RESOURCE_<NAME>=0,1} and in a resources file. Empty when it asked for none.
 */
public record LaunchDriver(
        @NotBlank String masterUrl,
        long epoch,
        @NotNull @Pattern(regexp = Ids.DRIVER_ID_REGEX) String driverId,
        @NotNull @Valid DriverDescription description,
        Map<@NotNull @Pattern(regexp = ResourceAddresses.NAME_REGEX) String,
                @NotNull List<@NotNull @Pattern(regexp = ResourceAddresses.ADDRESS_REGEX) String>> resourceAddresses) {

    public LaunchDriver {
        resourceAddresses = ResourceAddresses.copyOf(resourceAddresses);
    }

    /** A launch of a driver that asked for no custom resources. */
    public LaunchDriver(String masterUrl, long epoch, String driverId, DriverDescription description) {
        this(masterUrl, epoch, driverId, description, Map.of());
    }
}
