package io.drover.protocol.api;

import io.drover.protocol.command.CommandSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/drivers}: run a program somewhere in the cluster. {@code cores} defaults to 1 and
 * {@code memoryMb} to 1024, as Spark's driver defaults do; {@code supervise} to false. Sizes and flags are
 * boxed so a client may leave them out (Jackson 3 refuses a missing primitive).
 *
 * @param appResource a {@code file:}, {@code http:} or {@code https:} URL the worker copies into the
 *     driver's directory first; {@code {{APP_RESOURCE}}} is then that local path
 */
public record SubmitDriverRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = CommandSpec.NO_CONTROL, message = CommandSpec.NO_CONTROL_MESSAGE)
        String name,
        @Size(max = 4096) @Pattern(regexp = "(?i)(file|https?):[^\\s\\p{Cntrl}]+",
                message = "must be a file:, http: or https: URL without spaces or control characters")
        String appResource,
        @NotNull @Valid CommandSpec command,
        @NotNull @Positive @jakarta.validation.constraints.Max(100_000) Integer cores,
        @NotNull @Positive @jakarta.validation.constraints.Max(1L << 30) Long memoryMb,
        Boolean supervise) {

    public static final int DEFAULT_CORES = 1;
    public static final long DEFAULT_MEMORY_MB = 1024;

    public SubmitDriverRequest {
        cores = cores == null ? DEFAULT_CORES : cores;
        memoryMb = memoryMb == null ? DEFAULT_MEMORY_MB : memoryMb;
        supervise = supervise != null && supervise;
    }
}
