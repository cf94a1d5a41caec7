package io.drover.cli;

import io.drover.client.DroverClient;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.state.DriverState;
import java.time.Duration;

/** Waits for a driver to end, and says what exit code the command line then ends with. */
final class DriverWatch {

    private static final Duration POLL = Duration.ofMillis(200);

    private DriverWatch() {
    }

    /** Polls until the driver has ended; there is no time limit, as with {@code spark-submit}'s wait. */
    static DriverView untilEnded(DroverClient client, String driverId) {
        while (true) {
            DriverView view = client.driver(driverId);
            if (view.state() != null && view.state().isTerminal()) {
                return view;
            }
            pause(POLL);
        }
    }

    /** Waits between two polls of the master. */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The driver's exit code; 0 for FINISHED without one, 1 for an end without one (KILLED, ERROR). */
    static int exitCode(DriverView ended) {
        if (ended.exitCode() != null) {
            return ended.exitCode();
        }
        return ended.state() == DriverState.FINISHED ? 0 : Failures.DRIVER_WITHOUT_EXIT_CODE;
    }
}
