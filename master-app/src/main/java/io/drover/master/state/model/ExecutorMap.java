package io.drover.master.state.model;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An application's executors as its entries hold them, in launch order: read-only, and passed from one entry
 * to the next without a copy. Every change of an application (its state, its event sequence, one executor)
 * used to copy all its executors again, several times per state report; with a thousand executors that
 * made placing them quadratic several times over (issue 13). Now only a change to the executors themselves
 * copies them, once.
 */
public final class ExecutorMap extends AbstractMap<Integer, ExecutorEntry> {

    private static final ExecutorMap EMPTY = new ExecutorMap(new LinkedHashMap<>());

    private final Map<Integer, ExecutorEntry> executors;

    private ExecutorMap(LinkedHashMap<Integer, ExecutorEntry> executors) {
        this.executors = Collections.unmodifiableMap(executors);
    }

    /** The map itself when it is one already (nothing can change it), else a copy. */
    public static ExecutorMap of(Map<Integer, ExecutorEntry> executors) {
        if (executors instanceof ExecutorMap map) {
            return map;
        }
        return executors.isEmpty() ? EMPTY : new ExecutorMap(new LinkedHashMap<>(executors));
    }

    /** A copy with {@code executor} added, or replacing the one with its id (keeping its place). */
    public ExecutorMap with(ExecutorEntry executor) {
        LinkedHashMap<Integer, ExecutorEntry> copy = new LinkedHashMap<>(executors);
        copy.put(executor.executorId(), executor);
        return new ExecutorMap(copy);
    }

    @Override
    public ExecutorEntry get(Object executorId) {
        return executors.get(executorId);
    }

    @Override
    public boolean containsKey(Object executorId) {
        return executors.containsKey(executorId);
    }

    @Override
    public int size() {
        return executors.size();
    }

    @Override
    public Set<Entry<Integer, ExecutorEntry>> entrySet() {
        return executors.entrySet();
    }
}
