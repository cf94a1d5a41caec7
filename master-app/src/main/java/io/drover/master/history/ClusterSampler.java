package io.drover.master.history;

import io.drover.master.state.ClusterStateStore;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes a history sample every {@code history-interval}, the first at start-up so a new master's charts
 * have a point at once. It reads the published snapshot only, so sampling never waits for the state
 * store's thread. The placeholder's default repeats {@code MasterProperties}'s, because {@code @Scheduled}
 * reads the environment, not the bound record.
 */
@Component
class ClusterSampler {

    private final ClusterStateStore store;
    private final ClusterHistory history;

    ClusterSampler(ClusterStateStore store, ClusterHistory history) {
        this.store = store;
        this.history = history;
    }

    @Scheduled(fixedRateString = "${drover.master.history-interval:10s}")
    void sample() {
        history.record(store.snapshot());
    }
}
