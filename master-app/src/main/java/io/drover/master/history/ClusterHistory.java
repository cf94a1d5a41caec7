package io.drover.master.history;

import io.drover.master.config.MasterProperties;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.api.ClusterHistoryView;
import io.drover.protocol.api.ClusterSample;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The last {@code history-window} of cluster samples, one every {@code history-interval}, oldest dropped.
 * Kept in memory only: a restarted master starts a new history, as its metrics do.
 */
@Component
class ClusterHistory {

    private final RingBuffer<ClusterSample> samples;
    private final Clock clock;
    private final Duration interval;
    private final Duration window;

    ClusterHistory(MasterProperties properties, Clock clock) {
        this.samples = new RingBuffer<>(properties.historySamples());
        this.clock = clock;
        this.interval = properties.historyInterval();
        this.window = properties.historyWindow();
    }

    void record(ClusterSnapshot snapshot) {
        samples.add(sample(snapshot, clock.instant()));
    }

    ClusterHistoryView view() {
        return new ClusterHistoryView(interval.toMillis(), window.toMillis(), samples.snapshot());
    }

    /** What the snapshot holds now, counted as the cluster document counts it: alive workers' totals. */
    static ClusterSample sample(ClusterSnapshot snapshot, Instant at) {
        List<WorkerEntry> alive = snapshot.workers().values().stream().filter(WorkerEntry::acceptsWork).toList();
        int executorsRunning = (int) snapshot.applications().values().stream()
                .flatMap(a -> a.executors().values().stream())
                .filter(e -> e.state() == ExecutorState.RUNNING).count();
        int driversRunning = (int) snapshot.drivers().values().stream()
                .filter(d -> d.state() == DriverState.RUNNING).count();
        return new ClusterSample(at,
                alive.stream().mapToInt(w -> w.total().cores()).sum(),
                alive.stream().mapToInt(w -> w.used().cores()).sum(),
                alive.stream().mapToLong(w -> w.total().memoryMb()).sum(),
                alive.stream().mapToLong(w -> w.used().memoryMb()).sum(),
                executorsRunning, driversRunning);
    }
}
