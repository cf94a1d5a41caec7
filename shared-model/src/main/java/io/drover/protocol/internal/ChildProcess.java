package io.drover.protocol.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * One driver or executor a worker runs, as its registration reports it: what a master that takes over
 * needs to adopt the process rather than start it again.
 *
 * @param id a driver id, or an executor as {@code <appId>/<executorId>}
 * @param pid the process the worker watches; null while it is still being launched
 * @param startedAt when that process started; null while launching
 * @param restarts how often the worker restarted a supervised driver (0 for executors)
 */
public record ChildProcess(
        @NotBlank @Size(max = 200) String id,
        @Positive Long pid,
        Instant startedAt,
        @PositiveOrZero int restarts) {
}
