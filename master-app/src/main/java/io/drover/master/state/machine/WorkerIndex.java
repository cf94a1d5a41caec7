package io.drover.master.state.machine;

import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.state.WorkerState;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a registration storm would otherwise scan every worker for, kept as workers come and go: the worker ids
 * at each public URL (a registration looks for a restarted process at its address), and how many workers a
 * master that took over still waits to hear from. Part of {@link MasterState}: the inbox thread only.
 */
final class WorkerIndex {

    private final Map<String, Set<String>> byUrl = new HashMap<>();
    private int unknown;

    void add(WorkerEntry worker) {
        byUrl.computeIfAbsent(worker.url(), url -> new LinkedHashSet<>()).add(worker.workerId());
        if (worker.state() == WorkerState.UNKNOWN) {
            unknown++;
        }
    }

    void remove(WorkerEntry worker) {
        Set<String> atUrl = byUrl.get(worker.url());
        if (atUrl != null && atUrl.remove(worker.workerId()) && atUrl.isEmpty()) {
            byUrl.remove(worker.url());
        }
        if (worker.state() == WorkerState.UNKNOWN) {
            unknown--;
        }
    }

    /** The ids registered from this URL, in registration order. */
    Set<String> idsAt(String url) {
        return byUrl.getOrDefault(url, Set.of());
    }

    int unknown() {
        return unknown;
    }

    void clear() {
        byUrl.clear();
        unknown = 0;
    }
}
