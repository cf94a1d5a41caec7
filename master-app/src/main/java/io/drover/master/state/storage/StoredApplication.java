package io.drover.master.state.storage;

import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.ApplicationState;
import java.time.Instant;
import java.util.Map;

/**
 * An application as stored under {@code app/<id>}, without its executors: each has a key of its own, so a
 * report about one executor does not rewrite an application of a thousand. {@code queue}, {@code priority} and
 * {@code resourcesPerExecutor} are absent from earlier format 1 records: the default queue, 0, none; so is
 * {@code webUiUrl} (no web UI of its own).
 */
record StoredApplication(
        int version,
        String appId,
        long seq,
        String name,
        CommandSpec executorCommand,
        String appResource,
        Integer coresPerExecutor,
        long memoryPerExecutorMb,
        Integer maxCores,
        Integer executorLimit,
        String driverUrl,
        String driverId,
        ApplicationState state,
        Instant submittedAt,
        Instant endedAt,
        String message,
        int consecutiveFailures,
        int nextExecutorId,
        long eventSeq,
        String submittedBy,
        String killedBy,
        String queue,
        Integer priority,
        Map<String, Integer> resourcesPerExecutor,
        String webUiUrl) implements StoredRecord {
}
