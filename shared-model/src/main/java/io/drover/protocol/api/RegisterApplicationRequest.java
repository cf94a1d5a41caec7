package io.drover.protocol.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.drover.protocol.Scheduling;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.ids.Ids;
import io.drover.protocol.resources.ResourceAddresses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * {@code POST /api/v1/applications}: an application asks for executors (DESIGN.md §2, flow 4).
 *
 * @param executorCommand what each executor runs; {@code {{APP_ID}}}, {@code {{EXECUTOR_ID}}},
 *     {@code {{DRIVER_URL}}} and the rest are substituted on the worker
 * @param coresPerExecutor cores of each executor; unset means one executor per worker with all the cores
 *     granted there
 * @param memoryPerExecutorMb memory of each executor; defaults to 1024
 * @param maxCores the most cores the application holds at once; unset means the master's
 *     {@code default-cores}, or unlimited
 * @param executorLimit the most executors it holds at once; unset means unlimited
 * @param appResource a {@code file:}, {@code http:} or {@code https:} URL each worker copies into the
 *     executor's directory first; {@code {{APP_RESOURCE}}} is then that local path
 * @param driverUrl where executors reach the driver (exported as {@code DROVER_DRIVER_URL})
 * @param driverId the Drover driver that registered it: the application ends when that driver ends
 * @param queue the queue it waits in ({@code default} when unset); the master's configuration names the queues
 * @param priority inside its queue, higher goes first (then the older); 0 when unset
 * @param resourcesPerExecutor custom resources each executor needs, amounts by name ({@code {"gpu": 1}})
 * @param webUiUrl the application's own web UI (a Spark application's UI), linked from its page
 */
public record RegisterApplicationRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = CommandSpec.NO_CONTROL, message = CommandSpec.NO_CONTROL_MESSAGE)
        String name,
        @NotNull @Valid CommandSpec executorCommand,
        @Size(max = 4096) @Pattern(regexp = "(?i)(file|https?):[^\\s\\p{Cntrl}]+",
                message = "must be a file:, http: or https: URL without spaces or control characters")
        String appResource,
        @Positive @Max(100_000) Integer coresPerExecutor,
        @NotNull @Positive @Max(1L << 30) Long memoryPerExecutorMb,
        @Positive @Max(10_000_000) Integer maxCores,
        @PositiveOrZero @Max(1_000_000) Integer executorLimit,
        @Size(max = 2048) @Pattern(regexp = "(?i)https?://[^\\s\\p{Cntrl}]+",
                message = "must be an http: or https: URL without spaces or control characters") String driverUrl,
        @Pattern(regexp = Ids.DRIVER_ID_REGEX, message = "must be a driver id") String driverId,
        @NotNull @Pattern(regexp = Scheduling.QUEUE_REGEX, message = "must be a queue name") String queue,
        @NotNull @Min(Scheduling.MIN_PRIORITY) @Max(Scheduling.MAX_PRIORITY) Integer priority,
        @Size(max = 64) Map<@NotNull @Pattern(regexp = ResourceAddresses.NAME_REGEX,
                message = "must be a resource name (lower case letters, digits, _)") String,
                @NotNull @Positive @Max(1024) Integer> resourcesPerExecutor,
        @Size(max = 2048) @Pattern(regexp = "(?i)https?://[^\\s\\p{Cntrl}]+",
                message = "must be an http: or https: URL without spaces or control characters") String webUiUrl) {

    public static final long DEFAULT_MEMORY_PER_EXECUTOR_MB = 1024;

    public RegisterApplicationRequest {
        memoryPerExecutorMb = memoryPerExecutorMb == null ? DEFAULT_MEMORY_PER_EXECUTOR_MB : memoryPerExecutorMb;
        queue = queue == null ? Scheduling.DEFAULT_QUEUE : queue;
        priority = priority == null ? 0 : priority;
        resourcesPerExecutor = resourcesPerExecutor == null ? Map.of() : resourcesPerExecutor;
    }

    /** An application in the default queue, at priority 0, whose executors need no custom resources. */
    public RegisterApplicationRequest(String name, CommandSpec executorCommand, String appResource,
            Integer coresPerExecutor, Long memoryPerExecutorMb, Integer maxCores, Integer executorLimit,
            String driverUrl, String driverId) {
        this(name, executorCommand, appResource, coresPerExecutor, memoryPerExecutorMb, maxCores, executorLimit,
                driverUrl, driverId, null, null, null, null);
    }

    /** An application in the default queue with a web UI of its own (a Spark application's). */
    public RegisterApplicationRequest(String name, CommandSpec executorCommand, String appResource,
            Integer coresPerExecutor, Long memoryPerExecutorMb, Integer maxCores, Integer executorLimit,
            String driverUrl, String driverId, String webUiUrl) {
        this(name, executorCommand, appResource, coresPerExecutor, memoryPerExecutorMb, maxCores, executorLimit,
                driverUrl, driverId, null, null, null, webUiUrl);
    }

    /** An application without a web UI of its own. */
    public RegisterApplicationRequest(String name, CommandSpec executorCommand, String appResource,
            Integer coresPerExecutor, Long memoryPerExecutorMb, Integer maxCores, Integer executorLimit,
            String driverUrl, String driverId, String queue, Integer priority,
            Map<String, Integer> resourcesPerExecutor) {
        this(name, executorCommand, appResource, coresPerExecutor, memoryPerExecutorMb, maxCores, executorLimit,
                driverUrl, driverId, queue, priority, resourcesPerExecutor, null);
    }

    /** Bean Validation reads this as the property {@code coresPerExecutorWithinMaxCores}. */
    @JsonIgnore
    @AssertTrue(message = "coresPerExecutor must not be above maxCores")
    public boolean isCoresPerExecutorWithinMaxCores() {
        return coresPerExecutor == null || maxCores == null || coresPerExecutor <= maxCores;
    }
}
