package io.drover.master.spark;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Spark's REST submission server in the master ({@code drover.spark.rest.*}, issue 12).
 *
 * @param enabled whether the master opens the Spark port at all
 * @param address the address the Spark port listens on
 * @param port the Spark port ({@code 0}: any free port); Spark's own default is 6066
 * @param trustedNetworks the only networks (CIDRs, or single addresses) whose requests the Spark port
 *     serves: Spark's client sends no credentials, so the network is the credential
 * @param principal the name submissions from the Spark port are recorded under (role {@code submit}): it
 *     may kill and query only what it submitted
 * @param allowedAppResources regular expressions; a submission's {@code appResource} must match one of
 *     them in full (as Spark 4.3's {@code spark.master.rest.allowedAppResourcePatterns})
 */
@Validated
@ConfigurationProperties("drover.spark.rest")
public record SparkRestProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("127.0.0.1") @NotBlank String address,
        @DefaultValue("6066") @PositiveOrZero @Max(65535) int port,
        @DefaultValue({"127.0.0.0/8", "::1/128"}) List<@NotBlank String> trustedNetworks,
        @DefaultValue("spark-rest") @NotBlank String principal,
        @DefaultValue(".*") @NotNull List<@NotBlank String> allowedAppResources) {
}
