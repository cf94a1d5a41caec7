package io.drover.master.state.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.master.state.model.ClusterSnapshot;
import io.drover.protocol.state.WorkerState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Published snapshots share what did not change (issue 13: cheap heartbeats with 10,000 workers). */
class SnapshotSharingTest {

    private final EngineHarness h = new EngineHarness(Duration.ofSeconds(8), 3);

    @Test
    void aHeartbeatThatChangesNothingPublishesTheSameSnapshot() {
        String worker = h.registerWorker(8081, 4, 4096);
        ClusterSnapshot before = h.snapshot();

        h.clock.advance(Duration.ofSeconds(2));
        h.heartbeat(worker, List.of());

        assertThat(h.snapshot()).isSameAs(before);
    }

    @Test
    void aSnapshotTellsTheLatestHeartbeatOfAWorker() {
        String worker = h.registerWorker(8081, 4, 4096);

        h.clock.advance(Duration.ofSeconds(2));
        h.heartbeat(worker, List.of());

        ClusterSnapshot snapshot = h.snapshot();
        assertThat(snapshot.lastHeartbeat(snapshot.worker(worker).orElseThrow())).isEqualTo(h.clock.instant());
    }

    @Test
    void aChangeToDriversOnlySharesTheWorkersOfTheLastSnapshot() {
        h.registerWorker(8081, 1, 4096);
        h.submit(1, 512, false);
        ClusterSnapshot before = h.snapshot();

        h.submit(1, 512, false); // no room: it waits, and no worker changes

        ClusterSnapshot after = h.snapshot();
        assertThat(after).isNotSameAs(before);
        assertThat(after.drivers()).hasSize(2);
        assertThat(after.workers()).isSameAs(before.workers());
        assertThat(after.completedDrivers()).isSameAs(before.completedDrivers());
    }

    @Test
    void heartbeatsKeptBesideTheEntriesStillKeepAWorkerAlive() {
        String worker = h.registerWorker(8081, 4, 4096);
        for (int i = 0; i < 5; i++) {
            h.clock.advance(Duration.ofSeconds(4));
            h.heartbeat(worker, List.of());
            h.apply(new Command.CheckWorkersCommand());
        }

        assertThat(h.snapshot().worker(worker).orElseThrow().state()).isEqualTo(WorkerState.ALIVE);
    }
}
