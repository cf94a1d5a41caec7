package io.drover.worker.config;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Worker settings ({@code drover.worker.*}, DESIGN.md §6). The only place worker keys are read.
 *
 * @param masterUrls masters to register with, tried in turn; comma-separated in an environment variable
 * @param publicUrl the URL the master and users are told to use; derived from {@code server.address} and
 *     the actual port when unset
 * @param cores cores offered to the master; all processors when unset
 * @param memoryMb memory offered, in MiB; physical memory minus 1024 (at least 512) when unset
 * @param workDir where drivers and executors get their directories and logs
 * @param killGrace how long a killed process tree gets between SIGTERM and SIGKILL
 * @param retainedDrivers finished drivers kept for the API and UI
 * @param retainedExecutors finished executors kept for the API and UI
 * @param registrationRetryMax the cap of the registration back-off between passes over the master URLs
 * @param allowedExecutables glob patterns an executable command must match to run here (e.g.
 *     {@code /usr/bin/*}); empty allows any. JVM commands run the worker's own {@code java}.
 * @param allowedResourceHosts hosts an {@code appResource} may be downloaded from, exactly or as
 *     {@code *.domain}; empty allows any. Every redirect is checked too.
 * @param internalPort the port of the connector that serves only the master's calls ({@code /internal/**}),
 *     on threads of its own; 0 picks any free port, which the master learns at registration
 * @param allowedResourceDirs directories {@code file:} app resources may be copied from (real paths, symlinks
 *     resolved); empty refuses every {@code file:} resource. {@code /proc}, {@code /sys} and the work directory
 *     are refused even inside them.
 * @param isolation {@code process} (each child under its own uid, PID and mount namespaces and cgroup) or
 *     {@code none}; unset: {@code process} when the worker runs as root, else {@code none}
 * @param uidRange the uids and gids children get under {@code process} isolation, {@code first-last}
 * @param pidsLimit the most processes and threads one child's cgroup may hold under {@code process} isolation
 * @param sparkHome a Spark installation (its {@code jars/}) for Spark drivers and executors; unset means the
 *     {@code SPARK_HOME} environment variable, and without either the worker offers no Spark
 * @param sparkPlugin the Drover plugin for Spark that Spark drivers get on their classpath: a jar, or a
 *     classpath; unset means the jar bundled with the worker
 */
@Validated
@ConfigurationProperties("drover.worker")
public record WorkerProperties(
        @DefaultValue("http://127.0.0.1:8080") @NotEmpty List<@NotNull URI> masterUrls,
        URI publicUrl,
        @Positive Integer cores,
        @Positive Long memoryMb,
        @DefaultValue("./work") @NotNull Path workDir,
        @DefaultValue("10s") @NotNull Duration killGrace,
        @DefaultValue("1000") @PositiveOrZero int retainedDrivers,
        @DefaultValue("1000") @PositiveOrZero int retainedExecutors,
        @DefaultValue("30s") @NotNull Duration registrationRetryMax,
        @DefaultValue({}) List<@NotNull String> allowedExecutables,
        @DefaultValue({}) List<@NotNull String> allowedResourceHosts,
        @DefaultValue("0") int internalPort,
        @DefaultValue({}) List<@NotNull Path> allowedResourceDirs,
        Isolation isolation,
        @DefaultValue("61184-65519") @NotNull String uidRange,
        @DefaultValue("4096") @Positive int pidsLimit,
        Path sparkHome,
        String sparkPlugin) {

    public WorkerProperties {
        UidRange.parse(uidRange); // a bad range fails the start, naming the key
    }

    /** Where Spark is: {@code spark-home}, else {@code SPARK_HOME} from {@code environment}; null when neither is set. */
    public Path sparkHomeOr(Map<String, String> environment) {
        if (sparkHome != null) {
            return sparkHome.toAbsolutePath().normalize();
        }
        String fromEnvironment = environment.get("SPARK_HOME");
        return fromEnvironment == null || fromEnvironment.isBlank() ? null
                : Path.of(fromEnvironment).toAbsolutePath().normalize();
    }

    static final long RESERVED_MEMORY_MB = 1024;
    static final long MIN_MEMORY_MB = 512;

    /** The cores this worker offers: the configured number, else every processor the JVM sees. */
    public int offeredCores() {
        return cores != null ? cores : Runtime.getRuntime().availableProcessors();
    }

    /** The memory this worker offers: the configured amount, else what the machine has less 1 GiB for itself. */
    public long offeredMemoryMb() {
        return memoryMb != null ? memoryMb : defaultMemoryMb(physicalMemoryMb());
    }

    static long defaultMemoryMb(long physicalMb) {
        return Math.max(MIN_MEMORY_MB, physicalMb - RESERVED_MEMORY_MB);
    }

    private static long physicalMemoryMb() {
        // The com.sun bean is container-aware (cgroup limits) on JDK 17, which is what a worker may use.
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024 * 1024);
        }
        return MIN_MEMORY_MB + RESERVED_MEMORY_MB;
    }

    /** The isolation asked for, else {@code process} for a worker running as root and {@code none} otherwise. */
    public Isolation effectiveIsolation() {
        return isolation != null ? isolation : RunningUser.isRoot() ? Isolation.PROCESS : Isolation.NONE;
    }

    public UidRange uids() {
        return UidRange.parse(uidRange);
    }

    /** The work directory as an absolute, normalized path, so every component resolves against the same root. */
    public Path absoluteWorkDir() {
        return workDir.toAbsolutePath().normalize();
    }
}
