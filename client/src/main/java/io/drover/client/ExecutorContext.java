package io.drover.client;

import io.drover.protocol.command.Placeholder;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a worker tells an executor program through its environment (DESIGN.md §1–2): its application and
 * number, where its driver listens, its cores and memory, its worker and host, its local copy of the
 * application's resource and its scratch directories. {@code DROVER_APP_ID} and
 * {@code DROVER_EXECUTOR_ID} are required; everything else is empty when unset.
 *
 * <pre>{@code
 * ExecutorContext context = ExecutorContext.fromEnvironment();
 * URI driver = context.driverUrl().orElseThrow();
 * Path scratch = context.localDirs().isEmpty() ? Path.of(".") : context.localDirs().get(0);
 * }</pre>
 */
public final class ExecutorContext {

    /** The executor's per-application scratch directories, deleted when the application ends. */
    public static final String LOCAL_DIRS = "DROVER_LOCAL_DIRS";

    private final String appId;
    private final int executorId;
    private final OptionalInt cores;
    private final OptionalLong memoryMb;
    private final URI driverUrl;
    private final URI workerUrl;
    private final String hostname;
    private final Path appResource;
    private final List<Path> localDirs;
    private final List<URI> masterUrls;

    /**
     * Reads an executor's context from {@code env}.
     *
     * @throws IllegalStateException when {@code DROVER_APP_ID} or {@code DROVER_EXECUTOR_ID} is unset, or a
     *     variable is malformed
     */
    public ExecutorContext(Map<String, String> env) {
        EnvironmentReader reader = new EnvironmentReader(env, "executor");
        this.appId = reader.requiredString(Placeholder.APP_ID.environmentName());
        this.executorId = reader.requiredInt(Placeholder.EXECUTOR_ID.environmentName(), 0);
        this.cores = reader.positiveInt(Placeholder.CORES.environmentName());
        this.memoryMb = reader.positiveLong(Placeholder.MEMORY_MB.environmentName());
        this.driverUrl = reader.httpUrl(Placeholder.DRIVER_URL.environmentName()).orElse(null);
        this.workerUrl = reader.httpUrl(Placeholder.WORKER_URL.environmentName()).orElse(null);
        this.hostname = reader.string(Placeholder.HOSTNAME.environmentName()).orElse(null);
        this.appResource = reader.path(Placeholder.APP_RESOURCE.environmentName()).orElse(null);
        this.localDirs = reader.paths(LOCAL_DIRS);
        this.masterUrls = reader.httpUrls(DriverContext.MASTER_URLS, DriverContext.MASTER_URL);
    }

    /** This process's context, from {@link System#getenv()}. */
    public static ExecutorContext fromEnvironment() {
        return new ExecutorContext(System.getenv());
    }

    /** {@code DROVER_APP_ID}: the application this executor works for. */
    public String appId() {
        return appId;
    }

    /** {@code DROVER_EXECUTOR_ID}: this executor's number within its application. */
    public int executorId() {
        return executorId;
    }

    /** {@code DROVER_CORES}: the cores granted to this executor. */
    public OptionalInt cores() {
        return cores;
    }

    /** {@code DROVER_MEMORY_MB}: the memory granted to this executor (its JVM's {@code -Xmx}). */
    public OptionalLong memoryMb() {
        return memoryMb;
    }

    /** {@code DROVER_DRIVER_URL}: where the application's driver listens, when it registered one. */
    public Optional<URI> driverUrl() {
        return Optional.ofNullable(driverUrl);
    }

    /** {@code DROVER_WORKER_URL}: the worker running this executor. */
    public Optional<URI> workerUrl() {
        return Optional.ofNullable(workerUrl);
    }

    /** {@code DROVER_HOSTNAME}: the name or address of the worker's host. */
    public Optional<String> hostname() {
        return Optional.ofNullable(hostname);
    }

    /** {@code DROVER_APP_RESOURCE}: the worker's local copy of the application's {@code appResource}. */
    public Optional<Path> appResource() {
        return Optional.ofNullable(appResource);
    }

    /** {@code DROVER_LOCAL_DIRS}: scratch directories for this application on this worker; empty when unset. */
    public List<Path> localDirs() {
        return localDirs;
    }

    /** The first of {@link #masterUrls()}: the master that launched this executor. */
    public Optional<URI> masterUrl() {
        return masterUrls.stream().findFirst();
    }

    /** {@code DROVER_MASTER_URLS} (or else {@code DROVER_MASTER_URL}): every master; empty when neither is set. */
    public List<URI> masterUrls() {
        return masterUrls;
    }

    @Override
    public String toString() {
        return "ExecutorContext[" + appId + "/" + executorId + ", driverUrl=" + driverUrl + ", workerUrl="
                + workerUrl + "]";
    }
}
