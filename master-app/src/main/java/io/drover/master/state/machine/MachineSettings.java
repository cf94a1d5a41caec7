package io.drover.master.state.machine;

import java.time.Duration;

/**
 * The configuration the state machine needs, as a plain record so the machine stays free of Spring.
 *
 * @param maxLaunchAttempts failed launch calls after which a driver ends in ERROR
 * @param maxExecutorRetries consecutive executor failures, with none running, after which an application fails
 * @param defaultCores {@code maxCores} of applications that set none; null means unlimited
 * @param spreadOut spread an application's executors over workers, or fill one worker first
 * @param quota what one principal may have waiting or running
 */
public record MachineSettings(Duration workerTimeout, Duration deadWorkerRetention, int maxLaunchAttempts,
        int maxExecutorRetries, Integer defaultCores, boolean spreadOut, SubmissionQuota quota) {

    /** Settings without quotas. */
    public MachineSettings(Duration workerTimeout, Duration deadWorkerRetention, int maxLaunchAttempts,
            int maxExecutorRetries, Integer defaultCores, boolean spreadOut) {
        this(workerTimeout, deadWorkerRetention, maxLaunchAttempts, maxExecutorRetries, defaultCores, spreadOut,
                SubmissionQuota.NONE);
    }

    public Duration heartbeatInterval() {
        return workerTimeout.dividedBy(4);
    }
}
