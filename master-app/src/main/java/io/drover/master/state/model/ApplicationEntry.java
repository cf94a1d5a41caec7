package io.drover.master.state.model;

import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.resources.ResourceAddresses;
import io.drover.protocol.state.ApplicationState;
import java.time.Instant;
import java.util.Map;

/**
 * An application as the master knows it. Immutable: every change replaces the entry.
 *
 * @param seq registration order; applications are offered executors in this order
 * @param maxCores the cap in force (its own or the master's default); null means unlimited
 * @param executorLimit the most executors at once; null means unlimited
 * @param consecutiveFailures executor failures since one last ended normally or after running a while
 * @param nextExecutorId the number the next executor gets
 * @param eventSeq the sequence number of the last event published about it
 * @param executors its executors by number: live ones and the ones that ended (bounded)
 * @param audit who registered it and who killed it
 * @param queueing its queue and its priority there
 * @param resourcesPerExecutor custom resources each executor needs, amounts by name
 * @param webUiUrl its own web UI (a Spark application's), linked from its page; null when it gave none
 */
public record ApplicationEntry(
        String appId,
        long seq,
        String name,
        CommandSpec executorCommand,
        String appResource,
        Integer coresPerExecutor,
        long memoryPerExecutorMb,
        Integer maxCores,
        Integer executorLimit,
        String driverUrl,
        String driverId,
        ApplicationState state,
        Instant submittedAt,
        Instant endedAt,
        String message,
        int consecutiveFailures,
        int nextExecutorId,
        long eventSeq,
        Map<Integer, ExecutorEntry> executors,
        Audit audit,
        Queueing queueing,
        Map<String, Integer> resourcesPerExecutor,
        String webUiUrl) {

    public ApplicationEntry {
        executors = ExecutorMap.of(executors);
        queueing = queueing != null ? queueing : Queueing.DEFAULT;
        resourcesPerExecutor = ResourceAddresses.copyOfAmounts(resourcesPerExecutor);
    }

    /** An application of the default queue at priority 0 whose executors need no custom resources, without a web UI. */
    public ApplicationEntry(String appId, long seq, String name, CommandSpec executorCommand, String appResource,
            Integer coresPerExecutor, long memoryPerExecutorMb, Integer maxCores, Integer executorLimit,
            String driverUrl, String driverId, ApplicationState state, Instant submittedAt, Instant endedAt,
            String message, int consecutiveFailures, int nextExecutorId, long eventSeq,
            Map<Integer, ExecutorEntry> executors, Audit audit) {
        this(appId, seq, name, executorCommand, appResource, coresPerExecutor, memoryPerExecutorMb, maxCores,
                executorLimit, driverUrl, driverId, state, submittedAt, endedAt, message, consecutiveFailures,
                nextExecutorId, eventSeq, executors, audit, Queueing.DEFAULT, Map.of(), null);
    }

    public int coresGranted() {
        return executorMap().liveCores();
    }

    public long liveExecutors() {
        return executorMap().live();
    }

    /** What the compact constructor made of the executors given: counted as they change. */
    private ExecutorMap executorMap() {
        return (ExecutorMap) executors;
    }

    /** Whether an executor is running and has been for at least {@code stable}. */
    public boolean anyRunningStably(java.time.Duration stable, Instant now) {
        return executors.values().stream().anyMatch(
                e -> e.state() == io.drover.protocol.state.ExecutorState.RUNNING && e.ranAtLeast(stable, now));
    }

    public ApplicationEntry killedBy(String who) {
        return new ApplicationEntry(appId, seq, name, executorCommand, appResource, coresPerExecutor,
                memoryPerExecutorMb, maxCores, executorLimit, driverUrl, driverId, state, submittedAt, endedAt,
                message, consecutiveFailures, nextExecutorId, eventSeq, executors, audit.killedBy(who), queueing, resourcesPerExecutor,
                webUiUrl);
    }

    public ApplicationEntry with(ApplicationState newState, Instant ended, String why) {
        return new ApplicationEntry(appId, seq, name, executorCommand, appResource, coresPerExecutor,
                memoryPerExecutorMb, maxCores, executorLimit, driverUrl, driverId, newState, submittedAt, ended, why,
                consecutiveFailures, nextExecutorId, eventSeq, executors, audit, queueing, resourcesPerExecutor,
                webUiUrl);
    }

    public ApplicationEntry withExecutor(ExecutorEntry executor, int failures, int nextId) {
        return new ApplicationEntry(appId, seq, name, executorCommand, appResource, coresPerExecutor,
                memoryPerExecutorMb, maxCores, executorLimit, driverUrl, driverId, state, submittedAt, endedAt,
                message, failures, nextId, eventSeq, executorMap().with(executor), audit,
                queueing, resourcesPerExecutor,
                webUiUrl);
    }

    /** The same application with only these executors (the ones it still lists). */
    public ApplicationEntry withExecutors(Map<Integer, ExecutorEntry> kept) {
        return new ApplicationEntry(appId, seq, name, executorCommand, appResource, coresPerExecutor,
                memoryPerExecutorMb, maxCores, executorLimit, driverUrl, driverId, state, submittedAt, endedAt,
                message, consecutiveFailures, nextExecutorId, eventSeq, kept, audit, queueing, resourcesPerExecutor,
                webUiUrl);
    }

    public ApplicationEntry withExecutorLimit(Integer limit) {
        return new ApplicationEntry(appId, seq, name, executorCommand, appResource, coresPerExecutor,
                memoryPerExecutorMb, maxCores, limit, driverUrl, driverId, state, submittedAt, endedAt, message,
                consecutiveFailures, nextExecutorId, eventSeq, executors, audit, queueing, resourcesPerExecutor,
                webUiUrl);
    }

    public ApplicationEntry withEventSeq(long next) {
        return new ApplicationEntry(appId, seq, name, executorCommand, appResource, coresPerExecutor,
                memoryPerExecutorMb, maxCores, executorLimit, driverUrl, driverId, state, submittedAt, endedAt,
                message, consecutiveFailures, nextExecutorId, next, executors, audit, queueing, resourcesPerExecutor,
                webUiUrl);
    }
}
