package io.drover.worker.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SupervisePolicyTest {

    private final SupervisePolicy policy = SupervisePolicy.standard();

    private static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }

    @Test
    void anUnsupervisedDriverIsNeverRestarted() {
        assertThat(policy.restartDelay(false, 1, seconds(0), null)).isEmpty();
    }

    @Test
    void aCleanExitIsNeverRestarted() {
        assertThat(policy.restartDelay(true, 0, seconds(0), null)).isEmpty();
    }

    @Test
    void theFirstRestartWaitsOneSecond() {
        assertThat(policy.restartDelay(true, 1, seconds(0), null)).contains(seconds(1));
    }

    @Test
    void quickFailuresDoubleTheWait() {
        assertThat(policy.restartDelay(true, 1, seconds(1), seconds(1))).contains(seconds(2));
        assertThat(policy.restartDelay(true, 137, seconds(4), seconds(8))).contains(seconds(16));
    }

    @Test
    void theWaitIsCappedAtSixtySeconds() {
        assertThat(policy.restartDelay(true, 1, seconds(0), seconds(40))).contains(seconds(60));
        assertThat(policy.restartDelay(true, 1, seconds(0), seconds(60))).contains(seconds(60));
    }

    @Test
    void aRunOfFiveSecondsResetsTheWait() {
        assertThat(policy.restartDelay(true, 1, seconds(5), seconds(32))).contains(seconds(1));
    }

    @Test
    void aRunJustUnderFiveSecondsKeepsDoubling() {
        assertThat(policy.restartDelay(true, 1, Duration.ofMillis(4_999), seconds(32))).contains(seconds(60));
    }
}
