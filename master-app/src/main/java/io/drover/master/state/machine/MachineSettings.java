package io.drover.master.state.machine;

import java.time.Duration;

/**
 * The configuration the state machine needs, as a plain record so the machine stays free of Spring.
 *
 * @param maxLaunchAttempts failed launch calls after which a driver ends in ERROR
 */
public record MachineSettings(Duration workerTimeout, Duration deadWorkerRetention, int maxLaunchAttempts) {

    public Duration heartbeatInterval() {
        return workerTimeout.dividedBy(4);
    }
}
