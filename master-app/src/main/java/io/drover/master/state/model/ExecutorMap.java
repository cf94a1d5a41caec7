package io.drover.master.state.model;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.pcollections.TreePMap;

/**
 * An application's executors as its entries hold them, by number, which is launch order (numbers are given
 * in turn and never reused): read-only, and passed from one entry to the next without a copy. A change of
 * one executor makes a new map that shares all the others with the old one (a persistent tree, O(log n)),
 * and the live executors and their cores are counted as the map changes rather than by reading it all.
 * Every change of an application used to copy all its executors again, several times per state report, and
 * later once per change of an executor, and every end counted the live ones anew: placing an application's
 * n executors, hearing them run and ending them cost n² steps, a hundred million for ten thousand executors
 * (issue 13).
 */
public final class ExecutorMap extends AbstractMap<Integer, ExecutorEntry> {

    private static final ExecutorMap EMPTY = new ExecutorMap(TreePMap.empty(), 0, 0);

    private final TreePMap<Integer, ExecutorEntry> executors;
    private final int live;
    private final int liveCores;

    private ExecutorMap(TreePMap<Integer, ExecutorEntry> executors, int live, int liveCores) {
        this.executors = executors;
        this.live = live;
        this.liveCores = liveCores;
    }

    /** The map itself when it is one already (nothing can change it), else a copy. */
    public static ExecutorMap of(Map<Integer, ExecutorEntry> executors) {
        if (executors instanceof ExecutorMap map) {
            return map;
        }
        ExecutorMap map = EMPTY;
        for (ExecutorEntry executor : executors.values()) {
            map = map.with(executor);
        }
        return map;
    }

    /** A map with {@code executor} added, or replacing the one with its number; the rest is shared. */
    public ExecutorMap with(ExecutorEntry executor) {
        ExecutorEntry old = executors.get(executor.executorId());
        return new ExecutorMap(executors.plus(executor.executorId(), executor),
                live + liveCount(executor) - liveCount(old), liveCores + liveCores(executor) - liveCores(old));
    }

    /** A map without the executors with these numbers; the rest is shared. */
    public ExecutorMap without(Collection<Integer> executorIds) {
        ExecutorMap map = this;
        for (Integer id : executorIds) {
            ExecutorEntry old = map.executors.get(id);
            if (old != null) {
                map = new ExecutorMap(map.executors.minus(id), map.live - liveCount(old),
                        map.liveCores - liveCores(old));
            }
        }
        return map;
    }

    /** How many executors are live (launching or running). */
    public int live() {
        return live;
    }

    /** The cores the live executors hold. */
    public int liveCores() {
        return liveCores;
    }

    private static int liveCount(ExecutorEntry executor) {
        return executor != null && executor.isLive() ? 1 : 0;
    }

    private static int liveCores(ExecutorEntry executor) {
        return executor != null && executor.isLive() ? executor.cores() : 0;
    }

    @Override
    public ExecutorEntry get(Object executorId) {
        return executorId instanceof Integer ? executors.get(executorId) : null;
    }

    @Override
    public boolean containsKey(Object executorId) {
        return executorId instanceof Integer && executors.containsKey(executorId);
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
