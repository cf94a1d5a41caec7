package io.drover.worker.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration MAX = Duration.ofSeconds(30);

    /** A generator whose nextDouble() is always {@code value}: 0.5 means "no jitter". */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void firstDelayIsHalfASecond() {
        assertThat(new Backoff(MAX, fixed(0.5)).delay(0)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void delayDoublesWithEachAttempt() {
        Backoff backoff = new Backoff(MAX, fixed(0.5));

        assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(1000));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofMillis(2000));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofMillis(4000));
    }

    @Test
    void delayIsCappedAtTheMaximum() {
        Backoff backoff = new Backoff(MAX, fixed(0.5));

        assertThat(backoff.delay(6)).isEqualTo(MAX);
        assertThat(backoff.delay(1_000)).isEqualTo(MAX);
        assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(MAX);
    }

    @Test
    void jitterMovesTheDelayByAtMostAQuarter() {
        assertThat(new Backoff(MAX, fixed(0.0)).delay(2)).isEqualTo(Duration.ofMillis(1500));
        assertThat(new Backoff(MAX, fixed(0.999_999)).delay(2)).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void jitterNeverExceedsTheMaximum() {
        assertThat(new Backoff(MAX, fixed(0.999_999)).delay(10)).isEqualTo(MAX);
    }

    @Test
    void aNegativeAttemptCountsAsTheFirst() {
        assertThat(new Backoff(MAX, fixed(0.5)).delay(-3)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aCapBelowTheFirstDelayWins() {
        assertThat(new Backoff(Duration.ofMillis(100), fixed(0.5)).delay(0)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void rejectsANonPositiveCap() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, fixed(0.5))).isInstanceOf(IllegalArgumentException.class);
    }
}
