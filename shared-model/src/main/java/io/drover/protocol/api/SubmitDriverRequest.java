package io.drover.protocol.api;

import io.drover.protocol.Scheduling;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.resources.ResourceAddresses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * {@code POST /api/v1/drivers}: run a program somewhere in the cluster. {@code cores} defaults to 1 and
 * {@code memoryMb} to 1024, as Spark's driver defaults do; {@code supervise} to false. Sizes and flags are
 * boxed so a client may leave them out (Jackson 3 refuses a missing primitive).
 *
 * @param appResource a {@code file:}, {@code http:} or {@code https:} URL the worker copies into the
 *     driver's directory first; {@code {{APP_RESOURCE}}} is then that local path
 * @param queue the queue it waits in ({@code default} when unset); the master's configuration names the queues
 * @param priority inside its queue, higher goes first (then the older); 0 when unset
 * @param resources custom resources it needs, amounts by name ({@code {"gpu": 1}})
 */
public record SubmitDriverRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = CommandSpec.NO_CONTROL, message = CommandSpec.NO_CONTROL_MESSAGE)
        String name,
        @Size(max = 4096) @Pattern(regexp = "(?i)(file|https?):[^\\s\\p{Cntrl}]+",
                message = "must be a file:, http: or https: URL without spaces or control characters")
        String appResource,
        @NotNull @Valid CommandSpec command,
        @NotNull @Positive @Max(100_000) Integer cores,
        @NotNull @Positive @Max(1L << 30) Long memoryMb,
        Boolean supervise,
        @NotNull @Pattern(regexp = Scheduling.QUEUE_REGEX, message = "must be a queue name") String queue,
        @NotNull @Min(Scheduling.MIN_PRIORITY) @Max(Scheduling.MAX_PRIORITY) Integer priority,
        @Size(max = 64) Map<@NotNull @Pattern(regexp = ResourceAddresses.NAME_REGEX,
                message = "must be a resource name (lower case letters, digits, _)") String,
                @NotNull @Positive @Max(1024) Integer> resources) {

    public static final int DEFAULT_CORES = 1;
    public static final long DEFAULT_MEMORY_MB = 1024;

    public SubmitDriverRequest {
        cores = cores == null ? DEFAULT_CORES : cores;
        memoryMb = memoryMb == null ? DEFAULT_MEMORY_MB : memoryMb;
        supervise = supervise != null && supervise;
        queue = queue == null ? Scheduling.DEFAULT_QUEUE : queue;
        priority = priority == null ? 0 : priority;
        resources = resources == null ? Map.of() : resources;
    }

    /** A driver in the default queue, at priority 0, without custom resources. */
    public SubmitDriverRequest(String name, String appResource, CommandSpec command, Integer cores, Long memoryMb,
            Boolean supervise) {
        this(name, appResource, command, cores, memoryMb, supervise, null, null, null);
    }
}
