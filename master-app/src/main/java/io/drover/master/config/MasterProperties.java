package io.drover.master.config;

import io.drover.master.scheduling.placement.WorkerSelectionPolicy;
import io.drover.protocol.Scheduling;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Master settings, {@code drover.master.*} (DESIGN.md §6). The only place the master reads configuration.
 *
 * @param publicUrl the URL workers and users are told to use; derived from the bound address when unset
 * @param workerTimeout silence after which a worker is DEAD; workers heartbeat every quarter of it
 * @param deadWorkerRetention how long a dead worker stays listed
 * @param scheduleInterval the safety-net scheduling round; rounds also run on demand
 * @param spreadOut spread an application's executors over workers, or fill one worker first
 * @param defaultCores {@code maxCores} for applications that set none; unset means unlimited
 * @param maxExecutorRetries consecutive executor failures before an application with none running fails
 * @param retainedApplications finished applications kept for the API and UI
 * @param retainedDrivers finished drivers kept for the API and UI
 * @param workerCallTimeout how long a call to a worker (launch, kill, logs) may take
 * @param maxLaunchAttempts launch calls that may fail for one driver before it ends in ERROR
 * @param dataDir the master's own files: its state (recovery mode LOCAL) and the cluster secret it generates
 *     when given none
 * @param recoveryMode where the master keeps its state: LOCAL (embedded RocksDB in the data directory), ZOOKEEPER
 *     (several masters, one leads) or NONE (memory only)
 * @param recoveryTimeout how long a master that took over waits for its workers to answer; unset means the
 *     worker timeout
 * @param historyInterval how often the master samples cores, memory, executors and drivers for the
 *     overview's charts and {@code /api/v1/cluster/history}
 * @param historyWindow how far back those samples go; older ones are dropped
 * @param internalPort the port of the connector that serves only the worker protocol ({@code /internal/**}),
 *     on threads of its own; 0 picks any free port, which workers learn when they register
 * @param quotas what one principal (a token) may have waiting or running; past it a submission answers 429
 * @param eventStreamsPerPrincipal application event streams one principal may hold open at once
 * @param maxDrivers the most drivers launched (placed or running) at once; unset means no limit (Spark's
 *     {@code spark.deploy.maxDrivers})
 * @param spreadOutDrivers place drivers round-robin over the alive workers in random order, or each on the first
 *     worker by id with room (Spark's {@code spark.deploy.spreadOutDrivers})
 * @param workerSelectionPolicy the order workers are offered executors in: CORES_FREE_ASC, CORES_FREE_DESC,
 *     MEMORY_FREE_ASC, MEMORY_FREE_DESC or WORKER_ID (Spark's {@code spark.deploy.workerSelectionPolicy})
 * @param queues the scheduling queues, each with a name, a weight and an optional core limit; a {@code default}
 *     queue (weight 1, no limit) exists unless configured
 * @param registrationQueueLimit requests waiting for a thread of the public port beyond which a worker's
 *     registration is answered {@code 503} at once, to be tried again later, instead of waiting longer than the
 *     worker does (a storm of registrations after a failover)
 */
@Validated
@ConfigurationProperties("drover.master")
public record MasterProperties(
        URI publicUrl,
        @DefaultValue("60s") Duration workerTimeout,
        @DefaultValue("15m") Duration deadWorkerRetention,
        @DefaultValue("1s") Duration scheduleInterval,
        @DefaultValue("true") boolean spreadOut,
        @Positive Integer defaultCores,
        @DefaultValue("10") @Min(0) int maxExecutorRetries,
        @DefaultValue("200") @Min(0) int retainedApplications,
        @DefaultValue("200") @Min(0) int retainedDrivers,
        @DefaultValue("5s") Duration workerCallTimeout,
        @DefaultValue("3") @Positive int maxLaunchAttempts,
        @DefaultValue("data") Path dataDir,
        @DefaultValue("10s") Duration historyInterval,
        @DefaultValue("1h") Duration historyWindow,
        @DefaultValue("LOCAL") RecoveryMode recoveryMode,
        Duration recoveryTimeout,
        @DefaultValue("0") int internalPort,
        @DefaultValue @Valid Quotas quotas,
        @DefaultValue("32") @Positive int eventStreamsPerPrincipal,
        @Positive Integer maxDrivers,
        @DefaultValue("true") boolean spreadOutDrivers,
        @DefaultValue("CORES_FREE_DESC") WorkerSelectionPolicy workerSelectionPolicy,
        @DefaultValue List<@Valid Queue> queues,
        @DefaultValue("200") @Positive int registrationQueueLimit) {

    /**
     * {@code drover.master.queues[n].*}: one scheduling queue.
     *
     * @param name what drivers and applications name in {@code queue}
     * @param weight its weight: queues that have work share the cluster's cores in proportion to their weights
     * @param maxCores the most cores its drivers and executors may hold at once; unset means no limit
     */
    public record Queue(
            @NotBlank @Pattern(regexp = Scheduling.QUEUE_REGEX) String name,
            @DefaultValue("1") @Positive int weight,
            @Positive Integer maxCores) {
    }


    /**
     * {@code drover.master.quotas.*}: far above what a person or a pipeline submits, low enough that one
     * token cannot fill the master's memory with queued work.
     *
     * @param maxDrivers drivers one principal may have waiting or running
     * @param maxApplications applications one principal may have waiting or running
     * @param maxBytes the total size of those requests (the characters of their names, commands, arguments,
     *     options, environments and URLs)
     */
    public record Quotas(
            @DefaultValue("1000") @Positive int maxDrivers,
            @DefaultValue("1000") @Positive int maxApplications,
            @DefaultValue("64MB") DataSize maxBytes) {
    }

    /** The most samples the history may hold: enough for a day at one a second, a few megabytes. */
    static final int MAX_HISTORY_SAMPLES = 86_400;

    public MasterProperties {
        // Checked here rather than with annotations: Bean Validation has no standard constraint for Duration.
        if (historyInterval.isNegative() || historyInterval.isZero()) {
            throw new IllegalArgumentException("drover.master.history-interval must be positive");
        }
        if (historyWindow.compareTo(historyInterval) < 0) {
            throw new IllegalArgumentException("drover.master.history-window must be at least history-interval");
        }
        if (recoveryTimeout != null && (recoveryTimeout.isNegative() || recoveryTimeout.isZero())) {
            throw new IllegalArgumentException("drover.master.recovery-timeout must be positive");
        }
        queues = queues == null ? List.of() : List.copyOf(queues);
        if (historyWindow.dividedBy(historyInterval) > MAX_HISTORY_SAMPLES) {
            throw new IllegalArgumentException("drover.master.history-window / history-interval must be at most "
                    + MAX_HISTORY_SAMPLES + " samples");
        }
    }

    /** Where the master keeps its state (DESIGN.md §6). */
    public enum RecoveryMode { LOCAL, ZOOKEEPER, NONE }

    /** How long a master that took over waits for workers: the worker timeout unless set. */
    public Duration effectiveRecoveryTimeout() {
        return recoveryTimeout != null ? recoveryTimeout : workerTimeout;
    }

    /** How many samples the history window holds. */
    public int historySamples() {
        return (int) historyWindow.dividedBy(historyInterval);
    }

    /** How often to look for silent workers: often enough to notice within a quarter of the timeout. */
    public Duration timeoutCheckInterval() {
        Duration quarter = workerTimeout.dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(1)) < 0 ? quarter : Duration.ofSeconds(1);
    }
}
