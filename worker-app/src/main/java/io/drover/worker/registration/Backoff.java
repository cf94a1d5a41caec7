package io.drover.worker.registration;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Delay before registration pass {@code attempt + 1}: 500 ms doubling up to {@code max}, with ±25 %
 * jitter so a fleet of workers that lost the same master does not come back in lockstep. Pure apart from
 * the injected randomness.
 */
final class Backoff {

    static final Duration INITIAL = Duration.ofMillis(500);
    static final double JITTER = 0.25;

    private final Duration max;
    private final RandomGenerator random;

    Backoff(Duration max, RandomGenerator random) {
        if (max.isNegative() || max.isZero()) {
            throw new IllegalArgumentException("back-off cap must be positive: " + max);
        }
        this.max = max;
        this.random = random;
    }

    /** @param attempt how many passes have failed before this wait, from 0 */
    Duration delay(int attempt) {
        long maxMs = max.toMillis();
        // Shifting past 2^20 cannot matter (500 ms * 2^20 is days) and would overflow further on.
        long base = Math.min(maxMs, INITIAL.toMillis() << Math.min(Math.max(attempt, 0), 20));
        double factor = 1 - JITTER + 2 * JITTER * random.nextDouble();
        return Duration.ofMillis(Math.min(maxMs, Math.round(base * factor)));
    }
}
