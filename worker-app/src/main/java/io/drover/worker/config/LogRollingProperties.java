package io.drover.worker.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Rolling of drivers' and executors' {@code stdout} and {@code stderr} ({@code drover.worker.logs.rolling.*}),
 * Spark's {@code spark.executor.logs.rolling.*} with its defaults. Unset strategy: no rolling, the child writes
 * its files directly.
 *
 * @param strategy {@code size} or {@code time}; unset for none
 * @param maxSize under {@code size}, the active file rolls once it reaches this (Spark: 1 MiB)
 * @param timeInterval under {@code time}, {@code daily}, {@code hourly} or {@code minutely} (Spark: daily)
 * @param maxRetainedFiles how many rolled files are kept beside the active one, oldest deleted first; unset
 *     keeps all (Spark: -1, all)
 */
@Validated
@ConfigurationProperties("drover.worker.logs.rolling")
public record LogRollingProperties(
        Strategy strategy,
        @DefaultValue("1MB") @NotNull DataSize maxSize,
        @DefaultValue("daily") @NotNull TimeInterval timeInterval,
        @Positive Integer maxRetainedFiles) {

    public enum Strategy { SIZE, TIME }

    /** When a time-rolled file rolls: at the start of each day, hour or minute (UTC), as Spark's policy. */
    public enum TimeInterval {
        DAILY(Duration.ofDays(1), "yyyy-MM-dd"),
        HOURLY(Duration.ofHours(1), "yyyy-MM-dd--HH"),
        MINUTELY(Duration.ofMinutes(1), "yyyy-MM-dd--HH-mm");

        private final Duration length;
        private final String suffixPattern;

        TimeInterval(Duration length, String suffixPattern) {
            this.length = length;
            this.suffixPattern = suffixPattern;
        }

        public Duration length() {
            return length;
        }

        /** Spark's {@code TimeBasedRollingPolicy} pattern for the rolled file's suffix. */
        public String suffixPattern() {
            return suffixPattern;
        }
    }

    public LogRollingProperties {
        if (maxSize != null && maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("drover.worker.logs.rolling.max-size: must be positive");
        }
    }

    public boolean enabled() {
        return strategy != null;
    }
}
