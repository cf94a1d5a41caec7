package io.drover.worker.runner;

import java.time.Duration;
import java.util.Optional;

/**
 * When a supervised driver that exited non-zero starts again: after 1 s, doubling up to 60 s, and back to
 * 1 s once a run lasted 5 s or more, like Spark's {@code DriverRunner.runCommandWithRetry}. Pure; the
 * durations are parameters so tests need not wait seconds.
 */
final class SupervisePolicy {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(60);
    static final Duration STABLE_RUN = Duration.ofSeconds(5);

    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration stableRun;

    SupervisePolicy(Duration firstDelay, Duration maxDelay, Duration stableRun) {
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.stableRun = stableRun;
    }

    static SupervisePolicy standard() {
        return new SupervisePolicy(FIRST_DELAY, MAX_DELAY, STABLE_RUN);
    }

    /**
     * @param previousDelay the wait before the run that just ended; null after the first run
     * @return the wait before starting again, or empty when the driver's run is over
     */
    Optional<Duration> restartDelay(boolean supervise, int exitCode, Duration ranFor, Duration previousDelay) {
        if (!supervise || exitCode == 0) {
            return Optional.empty();
        }
        if (previousDelay == null || ranFor.compareTo(stableRun) >= 0) {
            return Optional.of(firstDelay);
        }
        Duration doubled = previousDelay.multipliedBy(2);
        return Optional.of(doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled);
    }
}
