package io.drover.master.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RingBufferTest {

    @Test
    void keepsElementsOldestFirstUntilFull() {
        RingBuffer<Integer> ring = new RingBuffer<>(3);

        ring.add(1);
        ring.add(2);

        assertThat(ring.snapshot()).containsExactly(1, 2);
        assertThat(ring.size()).isEqualTo(2);
    }

    @Test
    void dropsTheOldestWhenFull() {
        RingBuffer<Integer> ring = new RingBuffer<>(3);

        for (int i = 1; i <= 7; i++) {
            ring.add(i);
        }

        assertThat(ring.snapshot()).containsExactly(5, 6, 7);
        assertThat(ring.size()).isEqualTo(3);
    }

    @Test
    void aSnapshotIsACopyThatLaterAdditionsDoNotChange() {
        RingBuffer<Integer> ring = new RingBuffer<>(2);
        ring.add(1);
        List<Integer> before = ring.snapshot();

        ring.add(2);
        ring.add(3);

        assertThat(before).containsExactly(1);
        assertThatThrownBy(() -> before.add(9)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anEmptyRingHasAnEmptySnapshot() {
        assertThat(new RingBuffer<String>(1).snapshot()).isEmpty();
    }

    @Test
    void refusesANonPositiveCapacityAndNullElements() {
        assertThatThrownBy(() -> new RingBuffer<Integer>(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RingBuffer<Integer>(1).add(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readersAlongsideAWriterAlwaysSeeAnOrderedRunOfConsecutiveElements() throws Exception {
        int capacity = 64;
        int writes = 200_000;
        RingBuffer<Integer> ring = new RingBuffer<>(capacity);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<List<String>>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(CompletableFuture.supplyAsync(() -> read(ring, capacity, writing), threads));
            }
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < writes; i++) {
                    ring.add(i);
                }
                writing.set(false);
            }, threads);

            writer.get(1, TimeUnit.MINUTES);
            for (CompletableFuture<List<String>> reader : readers) {
                assertThat(reader.get(1, TimeUnit.MINUTES)).isEmpty();
            }
            assertThat(ring.snapshot()).hasSize(capacity).last().isEqualTo(writes - 1);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Reads until the writer is done; returns what was wrong with any snapshot it saw. */
    private static List<String> read(RingBuffer<Integer> ring, int capacity, AtomicBoolean writing) {
        List<String> problems = new ArrayList<>();
        int lastNewest = -1;
        while (writing.get() && problems.isEmpty()) {
            List<Integer> seen = ring.snapshot();
            if (seen.size() > capacity) {
                problems.add("more than the capacity: " + seen.size());
            }
            for (int i = 1; i < seen.size(); i++) {
                if (seen.get(i) != seen.get(i - 1) + 1) {
                    problems.add("not consecutive at " + i + ": " + seen);
                    break;
                }
            }
            if (!seen.isEmpty()) {
                int newest = seen.get(seen.size() - 1);
                if (newest < lastNewest) {
                    problems.add("went back from " + lastNewest + " to " + newest);
                }
                lastNewest = newest;
            }
        }
        return problems;
    }
}
