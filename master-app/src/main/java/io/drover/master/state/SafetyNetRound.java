package io.drover.master.state;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * When placement rounds run. Every event that can change a placement (a submission, a registration,
 * freed resources) asks the state store for a round as part of its own command, and requests coalesce
 * there, so a submission is placed within milliseconds. This fixed-delay round is the safety net for
 * anything that slipped through; it only asks, the store decides. It lives beside the store, not in
 * {@code scheduling}, which the state machine uses and which must therefore know nothing of the store.
 */
@Service
class SafetyNetRound {

    private final ClusterStateStore store;

    SafetyNetRound(ClusterStateStore store) {
        this.store = store;
    }

    @Scheduled(fixedDelayString = "${drover.master.schedule-interval:1s}")
    void safetyNetRound() {
        store.requestRound();
    }
}
