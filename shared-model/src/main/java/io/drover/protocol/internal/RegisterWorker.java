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
        List<@NotNull String> runningDriverIds,
        List<@NotNull String> runningExecutors,
        @Pattern(regexp = "process|none") String isolation) {

    /** A registration that says nothing of isolation, as workers before issue 10 sent it. */
    public RegisterWorker(String workerId, String host, int port, String url, int cores, long memoryMb,
            long followedEpoch, List<String> runningDriverIds, List<String> runningExecutors) {
        this(workerId, host, port, url, cores, memoryMb, followedEpoch, runningDriverIds, runningExecutors, null);
    }

    public RegisterWorker {
        runningDriverIds = runningDriverIds == null ? List.of() : List.copyOf(runningDriverIds);
        runningExecutors = runningExecutors == null ? List.of() : List.copyOf(runningExecutors);
    }
}
