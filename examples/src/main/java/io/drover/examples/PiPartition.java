package io.drover.examples;

import java.util.SplittableRandom;

/**
 * One partition of the Monte-Carlo estimate of π: throws {@code samples} points into the square
 * [-1, 1) × [-1, 1) and counts those inside the unit circle, about π/4 of them. Partition {@code p} always
 * draws from {@code new SplittableRandom(p)}, so its count, and the whole answer, is the same wherever and
 * however often it runs.
 */
public final class PiPartition {

    private PiPartition() {
    }

    /** How many of the partition's {@code samples} points fall inside the unit circle. */
    public static long countInside(int partition, long samples) {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must not be negative: " + partition);
        }
        if (samples < 0) {
            throw new IllegalArgumentException("samples must not be negative: " + samples);
        }
        SplittableRandom random = new SplittableRandom(partition);
        long inside = 0;
        for (long i = 0; i < samples; i++) {
            double x = random.nextDouble() * 2 - 1;
            double y = random.nextDouble() * 2 - 1;
            if (x * x + y * y <= 1) {
                inside++;
            }
        }
        return inside;
    }
}
