package io.drover.bench.sim;

import java.util.Arrays;
import java.util.Locale;

/** Round trips of one kind of call, in nanoseconds; percentiles when printed. Thread-safe. */
final class Latencies {

    private long[] samples = new long[1024];
    private int count;
    private long failures;

    synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    synchronized void failed() {
        failures++;
    }

    synchronized int count() {
        return count;
    }

    synchronized long failures() {
        return failures;
    }

    synchronized void clear() {
        count = 0;
        failures = 0;
    }

    /** The p-th percentile in milliseconds (nearest rank), NaN without samples. */
    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1e6;
    }

    String describe() {
        return String.format(Locale.ROOT, "p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (n=%d, failed %d)",
                percentileMillis(50), percentileMillis(99), percentileMillis(100), count(), failures());
    }
}
