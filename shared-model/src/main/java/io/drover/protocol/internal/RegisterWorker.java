package io.drover.protocol.internal;

import io.drover.protocol.Scheduling;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.ids.Ids;
import io.drover.protocol.resources.ResourceAddresses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Worker → master, {@code POST /internal/v1/workers}. Carries the worker's inventory: the drivers and
 * executors it runs, with their processes, so a master that took over adopts them instead of starting them
 * again, and can tell the worker to kill the ones it has since given to someone else or forgotten; and the
 * state changes it could not deliver to the master it followed before (a driver that ended while no master
 * was there to hear it).
 *
 * @param followedEpoch the highest leader epoch the worker has followed so far (0 at first)
 * @param drivers drivers it runs, by driver id
 * @param executors executors it runs, by {@code <appId>/<executorId>}
 * @param unreported state changes not yet delivered to any master, oldest first; may be null
 * @param internalUrl where the worker serves the master's calls ({@code /internal/v1}) on a connector of its
 *     own; null from a worker that serves them at {@code url}
 * @param resources custom resources it offers, by name, each with its addresses (Spark's
 *     {@code {"name":"gpu","addresses":["0","1"]}} as {@code {"gpu":["0","1"]}}); empty or null for none. The
 *     master assigns these addresses to drivers and executors and never gives one to two of them at once.
 * @param attributes what the worker is and has, by name ({@code spark.version: 4.0.1}): placement may require
 *     some of them; empty or null for none
 * @param health its own check of itself at registration; null means healthy
 * @param isolation how the worker confines its children ({@code process} or {@code none}, issue 10), so the
 *     master can show workers whose jobs can read the cluster's credentials; null from older workers
 */
public record RegisterWorker(
        @NotNull @Pattern(regexp = Ids.WORKER_ID_REGEX) String workerId,
        @NotBlank String host,
        @Positive int port,
        @NotBlank String url,
        @Positive int cores,
        @Positive long memoryMb,
        @PositiveOrZero long followedEpoch,
        @Size(max = 100_000) List<@NotNull @Valid ChildProcess> drivers,
        @Size(max = 100_000) List<@NotNull @Valid ChildProcess> executors,
        @Valid StateReports unreported,
        @Pattern(regexp = "https?://\\S+") String internalUrl,
        @Size(max = 64) Map<@NotNull @Pattern(regexp = ResourceAddresses.NAME_REGEX) String,
                @NotNull @Size(min = 1, max = 1024) List<@NotNull @Pattern(regexp = ResourceAddresses.ADDRESS_REGEX)
                        String>> resources,
        @Size(max = 64) Map<@NotNull @Pattern(regexp = Scheduling.ATTRIBUTE_REGEX) String,
                @NotNull @Size(max = 256) @Pattern(regexp = CommandSpec.NO_CONTROL,
                        message = CommandSpec.NO_CONTROL_MESSAGE) String> attributes,
        @Valid WorkerHealth health,
        @Pattern(regexp = "process|none") String isolation) {

    public RegisterWorker {
        drivers = drivers == null ? List.of() : List.copyOf(drivers);
        executors = executors == null ? List.of() : List.copyOf(executors);
        resources = ResourceAddresses.copyOf(resources);
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public List<String> runningDriverIds() {
        return drivers.stream().map(ChildProcess::id).toList();
    }

    public List<String> runningExecutors() {
        return executors.stream().map(ChildProcess::id).toList();
    }

    /** A registration without an internal URL: the master calls the worker at {@code url}. */
    public RegisterWorker(String workerId, String host, int port, String url, int cores, long memoryMb,
            long followedEpoch, List<ChildProcess> drivers, List<ChildProcess> executors, StateReports unreported) {
        this(workerId, host, port, url, cores, memoryMb, followedEpoch, drivers, executors, unreported, null);
    }

    /** A registration that offers no custom resources or attributes and reports itself healthy. */
    public RegisterWorker(String workerId, String host, int port, String url, int cores, long memoryMb,
            long followedEpoch, List<ChildProcess> drivers, List<ChildProcess> executors, StateReports unreported,
            String internalUrl) {
        this(workerId, host, port, url, cores, memoryMb, followedEpoch, drivers, executors, unreported, internalUrl,
                null, null, null);
    }

    /** A registration that says nothing of its isolation, as workers before issue 10 sent it. */
    public RegisterWorker(String workerId, String host, int port, String url, int cores, long memoryMb,
            long followedEpoch, List<ChildProcess> drivers, List<ChildProcess> executors, StateReports unreported,
            String internalUrl, Map<String, List<String>> resources, Map<String, String> attributes,
            WorkerHealth health) {
        this(workerId, host, port, url, cores, memoryMb, followedEpoch, drivers, executors, unreported, internalUrl,
                resources, attributes, health, null);
    }

    /** Where the master sends launches and kills: the internal URL when the worker gave one. */
    public String protocolUrl() {
        return internalUrl != null ? internalUrl : url;
    }

    /** Its health as registered: healthy unless it says otherwise. */
    public WorkerHealth healthOrHealthy() {
        return health != null ? health : WorkerHealth.HEALTHY;
    }
}
