package io.drover.protocol.internal;

import io.drover.protocol.ids.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Master → worker, {@code POST /internal/v1/executors}. Obeyed only from the master the worker follows
 * (URL and epoch), like {@link LaunchDriver}.
 */
public record LaunchExecutor(
        @NotBlank String masterUrl,
        long epoch,
        @NotNull @Pattern(regexp = Ids.APP_ID_REGEX) String appId,
        @PositiveOrZero int executorId,
        @NotNull @Valid ExecutorDescription description) {
}
