package io.drover.worker.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The worker's part in scheduling a shared cluster (issue 14), under {@code drover.worker.*} beside
 * {@link WorkerProperties}: what it offers besides cores and memory, how it judges its own health, and how it
 * leaves when decommissioned.
 *
 * @param resources custom resources offered (GPUs, FPGAs), by name: {@code resources.gpu.amount=2} or
 *     {@code resources.gpu.discovery-script=/opt/find-gpus}; none by default
 * @param minFreeDiskMb the free space the work directory needs, in MiB: below it the worker refuses to start,
 *     and while running reports itself unhealthy
 * @param decommissionOnTerm whether {@code SIGTERM} decommissions the worker (its work moves, it leaves as
 *     DECOMMISSIONED) instead of stopping it at once; {@code SIGPWR} always does
 * @param decommissionTimeout how long a decommission started by {@code SIGTERM} waits for the master to let the
 *     worker go before it stops anyway
 */
@Validated
@ConfigurationProperties("drover.worker")
public record SchedulingProperties(
        Map<String, @NotNull @Valid ResourceOffer> resources,
        @DefaultValue("100") @PositiveOrZero long minFreeDiskMb,
        @DefaultValue("false") boolean decommissionOnTerm,
        @DefaultValue("5m") @NotNull Duration decommissionTimeout) {

    public SchedulingProperties {
        resources = resources == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(resources));
    }
}
