package io.drover.master.state.machine;

import io.drover.protocol.resources.Resources;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Executors the master ended itself (a kill, a lowered limit, the application's end) whose worker has not yet
 * said their process is gone, by key, with their worker and what they hold there. Their cores and memory stay
 * counted on the worker until then, so nothing new is placed into room the worker does not have yet (issue 13:
 * a worker never runs more than it offers). Part of {@link MasterState}: the inbox thread only.
 */
final class HeldResources {

    /** What one ended executor still holds on its worker: cores and memory, and its custom resources' addresses. */
    record Held(String workerId, Resources resources, Map<String, List<String>> addresses, Instant since) {
    }

    private final Map<String, Held> held = new HashMap<>();

    void hold(String executorKey, String workerId, Resources resources, Map<String, List<String>> addresses,
            Instant since) {
        held.put(executorKey, new Held(workerId, resources, addresses, since));
    }

    boolean isHeld(String executorKey) {
        return held.containsKey(executorKey);
    }

    /** Whether the executor has held its worker's resources since before {@code cutoff}. */
    boolean heldSince(String executorKey, Instant cutoff) {
        Held hold = held.get(executorKey);
        return hold != null && hold.since().isBefore(cutoff);
    }

    /** Ends the hold of the executor on that worker; what it held, or null when it held nothing there. */
    Held release(String workerId, String executorKey) {
        Held hold = held.get(executorKey);
        if (hold == null || !hold.workerId().equals(workerId)) {
            return null;
        }
        held.remove(executorKey);
        return hold;
    }

    /** A worker that is gone holds nothing: its entry's accounting was reset with it. */
    void dropOn(String workerId) {
        held.values().removeIf(hold -> hold.workerId().equals(workerId));
    }

    void clear() {
        held.clear();
    }
}
