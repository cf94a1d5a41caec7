package io.drover.master.state.machine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One of the master's live maps, which knows whether it changed since it was last frozen. A published
 * snapshot shares the frozen copy of every map that did not change in the batch, so a batch that changes
 * only applications copies no worker, and one that changes nothing (heartbeats) copies nothing at all
 * (issue 13: with 10,000 workers, re-copying every map after every batch cost most of a heartbeat's CPU).
 *
 * <p>Every mutator of {@link Map} that {@link LinkedHashMap} does not route through {@code put} or
 * {@code remove} is tracked too; views ({@code keySet()}, {@code values()}) are never written through: the
 * maps are handed out read-only.
 */
final class TrackedMap<K, V> extends LinkedHashMap<K, V> {

    private transient boolean changed = true;
    private transient Map<K, V> frozen = Map.of();

    /** An unmodifiable copy of the map as it is now: the last one made, when nothing changed since. */
    Map<K, V> frozen() {
        if (changed) {
            frozen = Collections.unmodifiableMap(new LinkedHashMap<>(this));
            changed = false;
        }
        return frozen;
    }

    boolean changed() {
        return changed;
    }

    @Override
    public V put(K key, V value) {
        changed = true;
        return super.put(key, value);
    }

    @Override
    public V remove(Object key) {
        V removed = super.remove(key);
        changed |= removed != null;
        return removed;
    }

    @Override
    public void clear() {
        changed |= !isEmpty();
        super.clear();
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
        changed = true;
        return super.computeIfPresent(key, remapping);
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
        changed = true;
        return super.compute(key, remapping);
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mapping) {
        changed = true;
        return super.computeIfAbsent(key, mapping);
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
        changed = true;
        return super.merge(key, value, remapping);
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        changed = true;
        super.putAll(m);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        changed = true;
        return super.putIfAbsent(key, value);
    }

    @Override
    public V replace(K key, V value) {
        changed = true;
        return super.replace(key, value);
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        changed = true;
        return super.replace(key, oldValue, newValue);
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        changed = true;
        super.replaceAll(function);
    }
}
