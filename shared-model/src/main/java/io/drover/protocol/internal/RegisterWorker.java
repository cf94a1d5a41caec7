package io.drover.protocol.internal;

import io.drover.protocol.ids.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;

/**
 * Worker → master, {@code POST /internal/v1/workers}. Carries the drivers and executors (as
 * {@code <appId>/<executorId>}) the worker still runs, so a master can tell it to kill the ones it has
 * since given to someone else or forgotten.
 *
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
        List<@NotNull String> runningDriverIds,
        List<@NotNull String> runningExecutors,
        @Pattern(regexp = "https?://\\S+") String internalUrl) {

    public RegisterWorker {
        runningDriverIds = runningDriverIds == null ? List.of() : List.copyOf(runningDriverIds);
        runningExecutors = runningExecutors == null ? List.of() : List.copyOf(runningExecutors);
    }

    /** A registration without an internal URL: the master calls the worker at {@code url}. */
    public RegisterWorker(String workerId, String host, int port, String url, int cores, long memoryMb,
            long followedEpoch, List<String> runningDriverIds, List<String> runningExecutors) {
        this(workerId, host, port, url, cores, memoryMb, followedEpoch, runningDriverIds, runningExecutors, null);
    }

    /** Where the master sends launches and kills: the internal URL when the worker gave one. */
    public String protocolUrl() {
        return internalUrl != null ? internalUrl : url;
    }
}
