package io.drover.master.web.view;

import io.drover.protocol.state.WorkerState;
import java.time.Instant;
import java.util.List;

/**
 * A worker as a table row shows it.
 *
 * @param uiUrl the worker's own UI, or null when its advertised URL is not http(s) and must not become a link
 * @param drivers drivers placed on it that have not ended
 * @param executors its live executors
 * @param decommissioning it is being decommissioned: no new work goes there
 * @param decommissionReason why, and who asked; null unless decommissioning or decommissioned
 * @param healthReason why it is left out of placement for its own problem; null while healthy
 * @param resources its custom resources: {@code gpu: 2 of 4 in use}, one entry per name
 * @param isolation how it confines its children ({@code process}, {@code none}), null when it did not say
 */
public record WorkerRow(
        String workerId,
        String uiUrl,
        String address,
        WorkerState state,
        int cores,
        int coresUsed,
        long memoryMb,
        long memoryUsedMb,
        Instant registeredAt,
        Instant lastHeartbeat,
        int drivers,
        int executors,
        boolean decommissioning,
        String decommissionReason,
        String healthReason,
        List<String> resources,
        String isolation) {

    /** Whether its jobs can read the cluster's credentials: it said it runs them without isolation. */
    public boolean unisolated() {
        return "none".equals(isolation);
    }

    // Preformatted for the overview's thousand-row table (see Formats).

    public String memoryText() {
        return Formats.mib(memoryMb);
    }

    public String memoryUsedText() {
        return Formats.mib(memoryUsedMb);
    }

    public Moment lastHeartbeatAt() {
        return Moment.of(lastHeartbeat);
    }
}
