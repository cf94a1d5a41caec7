package io.drover.master.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.Audit;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.api.ClusterSample;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.internal.DriverDescription;
import io.drover.protocol.resources.Resources;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.ExecutorState;
import io.drover.protocol.state.MasterStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What one sample counts, read from a hand-made snapshot. */
class ClusterHistoryTest {

    private static final Instant T = Instant.parse("2026-11-22T08:00:00Z");
    private static final CommandSpec TRUE = CommandSpec.executable("/bin/true", List.of());
    private static final String APP = "app-20261122080000-0001";

    @Test
    void countsAliveWorkersTotalsAndOnlyRunningDriversAndExecutors() {
        WorkerEntry a = WorkerEntry.registered("worker-20261122080000-h-1", "h", 1, "http://h:1",
                Resources.of(8, 8192), T).withDriver(driver(1).driverId(), Resources.of(2, 1024))
                .withExecutor(APP + "/0", Resources.of(1, 512));
        WorkerEntry b = WorkerEntry.registered("worker-20261122080000-h-2", "h", 2, "http://h:2",
                Resources.of(4, 4096), T).withDriver(driver(2).driverId(), Resources.of(1, 256));
        WorkerEntry dead = WorkerEntry.registered("worker-20261122080000-h-3", "h", 3, "http://h:3",
                Resources.of(16, 16384), T).dead(T);
        DriverEntry running = driver(1).placedOn(a.workerId(), T).running(0, null, T);
        DriverEntry launching = driver(2).placedOn(b.workerId(), T);
        DriverEntry waiting = driver(3);
        ApplicationEntry app = app(
                ExecutorEntry.launching(APP, 0, a.workerId(), 1, 512, T).running(null, T),
                ExecutorEntry.launching(APP, 1, b.workerId(), 1, 512, T),
                ExecutorEntry.launching(APP, 2, b.workerId(), 1, 512, T).ended(ExecutorState.EXITED, 0, null, T));

        ClusterSample sample = ClusterHistory.sample(new ClusterSnapshot(MasterStatus.ALIVE, "http://m", 1, "http://m",
                byId(List.of(a, b, dead), WorkerEntry::workerId),
                byId(List.of(running, launching, waiting), DriverEntry::driverId), Map.of(),
                Map.of(APP, app), Map.of()), T);

        assertThat(sample).isEqualTo(new ClusterSample(T, 12, 4, 12288, 1792, 1, 1));
    }

    @Test
    void anEmptyClusterIsAllZeroes() {
        ClusterSample sample = ClusterHistory.sample(new ClusterSnapshot(MasterStatus.ALIVE, "http://m", 1, "http://m",
                Map.of(), Map.of(), Map.of(), Map.of(), Map.of()), T);

        assertThat(sample).isEqualTo(new ClusterSample(T, 0, 0, 0, 0, 0, 0));
    }

    private static DriverEntry driver(int n) {
        return DriverEntry.submitted("driver-20261122080000-000" + n, n,
                new DriverDescription("d" + n, null, TRUE, 1, 256, false), "alice", T);
    }

    private static ApplicationEntry app(ExecutorEntry... executors) {
        Map<Integer, ExecutorEntry> byNumber = new LinkedHashMap<>();
        for (ExecutorEntry e : executors) {
            byNumber.put(e.executorId(), e);
        }
        return new ApplicationEntry(APP, 1, "a", TRUE, null, 1, 512, null, null, null, null,
                ApplicationState.RUNNING, T, null, null, 0, executors.length, 0, byNumber, Audit.submittedBy("alice"));
    }

    private static <T> Map<String, T> byId(List<T> entries, java.util.function.Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(id.apply(e), e));
        return map;
    }
}
