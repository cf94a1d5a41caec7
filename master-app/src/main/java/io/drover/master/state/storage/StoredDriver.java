package io.drover.master.state.storage;

import io.drover.protocol.internal.DriverDescription;
import io.drover.protocol.state.DriverState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A driver as stored under {@code driver/<id>}, ended ones included while retained. The description is the
 * protocol's record, whose JSON only ever grows by optional fields. {@code queue}, {@code priority} and
 * {@code resourceAddresses} are absent from earlier format 1 records: the default queue, 0, none.
 */
record StoredDriver(
        int version,
        String driverId,
        long seq,
        DriverDescription description,
        DriverState state,
        String workerId,
        String lastWorkerId,
        Instant submittedAt,
        Instant launchedAt,
        Instant startedAt,
        Instant endedAt,
        Integer exitCode,
        int relaunches,
        int workerRestarts,
        int launchAttempts,
        String submittedBy,
        String killedBy,
        String message,
        Long pid,
        String queue,
        Integer priority,
        Map<String, List<String>> resourceAddresses) implements StoredRecord {
}
