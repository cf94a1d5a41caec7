package io.drover.protocol.internal;

import io.drover.protocol.ids.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Worker → master, {@code POST /internal/v1/workers}. Carries the drivers and executors (as
 * {@code <appId>/<executorId>}) the worker still runs, so a master can tell it to kill the ones it has
 * since given to someone else or forgotten.
 *
 * @param sparkVersion the version of the Spark the worker found under {@code drover.worker.spark-home}
 *     (with the Drover plugin for Spark beside it), or null when it has none: the master places Spark drivers
 *     and executors only on workers that have one
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
        @Size(max = 64) @Pattern(regexp = "[0-9A-Za-z._-]+") String sparkVersion) {

    public RegisterWorker {
        runningDriverIds = runningDriverIds == null ? List.of() : List.copyOf(runningDriverIds);
        runningExecutors = runningExecutors == null ? List.of() : List.copyOf(runningExecutors);
    }

    /** A worker without Spark. */
    public RegisterWorker(String workerId, String host, int port, String url, int cores, long memoryMb,
            long followedEpoch, List<String> runningDriverIds, List<String> runningExecutors) {
        this(workerId, host, port, url, cores, memoryMb, followedEpoch, runningDriverIds, runningExecutors, null);
    }
}
