package io.drover.protocol.internal;

import io.drover.protocol.ids.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

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
        @Pattern(regexp = "https?://\\S+") String internalUrl) {

    public RegisterWorker {
        drivers = drivers == null ? List.of() : List.copyOf(drivers);
        executors = executors == null ? List.of() : List.copyOf(executors);
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

    /** Where the master sends launches and kills: the internal URL when the worker gave one. */
    public String protocolUrl() {
        return internalUrl != null ? internalUrl : url;
    }
}
