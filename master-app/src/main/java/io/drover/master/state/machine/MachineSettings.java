package io.drover.master.state.machine;

import java.time.Duration;

/**
 * The configuration the state machine needs, as a plain record so the machine stays free of Spring.
 *
 * @param maxLaunchAttempts failed launch calls after which a driver ends in ERROR
 * @param maxExecutorRetries consecutive executor failures, with none running, after which an application fails
 * @param defaultCores {@code maxCores} of applications that set none; null means unlimited
 * @param spreadOut spread an application's executors over workers, or fill one worker first
 * @param recoveryTimeout how long a master that took over waits for its workers to answer before it gives
 *     up on the silent ones
 * @param quota what one principal may have waiting or running
 */
public record MachineSettings(Duration workerTimeout, Duration deadWorkerRetention, int maxLaunchAttempts,
        int maxExecutorRetries, Integer defaultCores, boolean spreadOut, Duration recoveryTimeout,
        SubmissionQuota quota) {

    /** Settings without quotas. */
    public MachineSettings(Duration workerTimeout, Duration deadWorkerRetention, int maxLaunchAttempts,
            int maxExecutorRetries, Integer defaultCores, boolean spreadOut, Duration recoveryTimeout) {
        this(workerTimeout, deadWorkerRetention, maxLaunchAttempts, maxExecutorRetries, defaultCores, spreadOut,
                recoveryTimeout, SubmissionQuota.NONE);
    }

    public Duration heartbeatInterval() {
        return workerTimeout.dividedBy(4);
    }
}
