package io.drover.worker.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Work directory housekeeping ({@code drover.worker.cleanup.*}), Spark's {@code spark.worker.cleanup.*} with
 * its defaults.
 *
 * @param enabled whether the periodic cleanup runs (off, as in Spark: a finished run's logs stay until asked)
 * @param interval how often it looks (Spark: 30 minutes)
 * @param appDataTtl how long an ended application's or driver's directory is kept after its last write
 *     (Spark: 7 days)
 * @param onApplicationEnd delete an application's whole directory as soon as it ends and its executors here are
 *     gone, whether or not the periodic cleanup is on
 */
@Validated
@ConfigurationProperties("drover.worker.cleanup")
public record CleanupProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("30m") @NotNull Duration interval,
        @DefaultValue("7d") @NotNull Duration appDataTtl,
        @DefaultValue("false") boolean onApplicationEnd) {

    public CleanupProperties {
        if (interval != null && (interval.isZero() || interval.isNegative())) {
            throw new IllegalArgumentException("drover.worker.cleanup.interval: must be positive");
        }
        if (appDataTtl != null && appDataTtl.isNegative()) {
            throw new IllegalArgumentException("drover.worker.cleanup.app-data-ttl: must not be negative");
        }
    }
}
