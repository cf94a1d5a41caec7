package io.drover.master.history;

import java.util.ArrayList;
import java.util.List;

/**
 * A bounded, ordered buffer that drops its oldest element to make room for a new one. Safe for a writer
 * and any number of readers: both sides hold the monitor only to copy at most {@code capacity}
 * references, and the history writes once every few seconds, so a lock costs nothing here and keeps the
 * reader's copy consistent (a lock-free copy could see a slot overwritten mid-read, out of order).
 */
final class RingBuffer<T> {

    private final Object[] slots;
    private int next;
    private int size;

    RingBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.slots = new Object[capacity];
    }

    int capacity() {
        return slots.length;
    }

    synchronized void add(T element) {
        if (element == null) {
            throw new IllegalArgumentException("element must not be null");
        }
        slots[next] = element;
        next = (next + 1) % slots.length;
        size = Math.min(size + 1, slots.length);
    }

    synchronized int size() {
        return size;
    }

    /** The elements, oldest first, as an immutable copy that later additions do not change. */
    @SuppressWarnings("unchecked")
    synchronized List<T> snapshot() {
        List<T> copy = new ArrayList<>(size);
        int oldest = (next - size + slots.length) % slots.length;
        for (int i = 0; i < size; i++) {
            copy.add((T) slots[(oldest + i) % slots.length]);
        }
        return List.copyOf(copy);
    }
}
