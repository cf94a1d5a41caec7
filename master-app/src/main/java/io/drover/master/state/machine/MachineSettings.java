package io.drover.master.state.machine;

import io.drover.master.scheduling.SchedulingSettings;
import java.time.Duration;

/**
 * The configuration the state machine needs, as a plain record so the machine stays free of Spring.
 *
 * @param maxLaunchAttempts failed launch calls after which a driver ends in ERROR
 * @param maxExecutorRetries consecutive executor failures, with none running, after which an application fails
 * @param defaultCores {@code maxCores} of applications that set none; null means unlimited
 * @param recoveryTimeout how long a master that took over waits for its workers to answer before it gives
 *     up on the silent ones
 * @param quota what one principal may have waiting or running
 * @param scheduling how placement rounds place: Spark's knobs and the queues
 */
public record MachineSettings(Duration workerTimeout, Duration deadWorkerRetention, int maxLaunchAttempts,
        int maxExecutorRetries, Integer defaultCores, Duration recoveryTimeout, SubmissionQuota quota,
        SchedulingSettings scheduling) {

    /** Settings without quotas, with Spark's placement defaults and only the default queue. */
    public MachineSettings(Duration workerTimeout, Duration deadWorkerRetention, int maxLaunchAttempts,
            int maxExecutorRetries, Integer defaultCores, boolean spreadOut, Duration recoveryTimeout) {
        this(workerTimeout, deadWorkerRetention, maxLaunchAttempts, maxExecutorRetries, defaultCores, recoveryTimeout,
                SubmissionQuota.NONE, SchedulingSettings.defaults().withSpreadOut(spreadOut));
    }

    public MachineSettings withScheduling(SchedulingSettings next) {
        return new MachineSettings(workerTimeout, deadWorkerRetention, maxLaunchAttempts, maxExecutorRetries,
                defaultCores, recoveryTimeout, quota, next);
    }

    public Duration heartbeatInterval() {
        return workerTimeout.dividedBy(4);
    }
}
