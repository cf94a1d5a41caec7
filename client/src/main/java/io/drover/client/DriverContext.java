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
 * What a worker tells a driver program through its environment (DESIGN.md §1): the master to register
 * applications with, the driver's id, its local copy of the app resource, its host, cores and memory, and
 * its worker. Only the master is required ({@code DROVER_MASTER_URLS}, comma-separated, or else
 * {@code DROVER_MASTER_URL}), so a driver can also be started by hand against a cluster; everything else
 * is empty when unset.
 *
 * <pre>{@code
 * DriverContext context = DriverContext.fromEnvironment();
 * DroverClient drover = context.client();
 * String bindHost = context.hostname().orElse("127.0.0.1");
 * }</pre>
 */
public final class DriverContext {

    /** Where the master is; exported by the worker to drivers and executors. */
    public static final String MASTER_URL = "DROVER_MASTER_URL";

    /** Every master of the cluster, comma-separated (issue 9); exported by the worker, preferred over {@link #MASTER_URL}. */
    public static final String MASTER_URLS = "DROVER_MASTER_URLS";

    /** The driver's own bearer token (role submit), exported by the worker to drivers only. */
    public static final String AUTH_TOKEN = "DROVER_AUTH_TOKEN";
    /** The driver's appResource as submitted (the worker's copy is {@code DROVER_APP_RESOURCE}). */
    public static final String APP_RESOURCE_URL = "DROVER_APP_RESOURCE_URL";

    private final List<URI> masterUrls;
    private final String driverId;
    private final Path appResource;
    private final String appResourceUrl;
    private final String hostname;
    private final OptionalInt cores;
    private final OptionalLong memoryMb;
    private final URI workerUrl;
    private final String authToken;

    /**
     * Reads a driver's context from {@code env}.
     *
     * @throws IllegalStateException when neither {@code DROVER_MASTER_URLS} nor {@code DROVER_MASTER_URL} is
     *     set, or a variable is malformed
     */
    public DriverContext(Map<String, String> env) {
        EnvironmentReader reader = new EnvironmentReader(env, "driver");
        this.masterUrls = reader.httpUrls(MASTER_URLS, MASTER_URL);
        if (masterUrls.isEmpty()) {
            reader.requiredString(MASTER_URL); // says which variable is missing
        }
        this.driverId = reader.string(Placeholder.DRIVER_ID.environmentName()).orElse(null);
        this.appResource = reader.path(Placeholder.APP_RESOURCE.environmentName()).orElse(null);
        this.appResourceUrl = reader.string(APP_RESOURCE_URL).orElse(null);
        this.hostname = reader.string(Placeholder.HOSTNAME.environmentName()).orElse(null);
        this.cores = reader.positiveInt(Placeholder.CORES.environmentName());
        this.memoryMb = reader.positiveLong(Placeholder.MEMORY_MB.environmentName());
        this.workerUrl = reader.httpUrl(Placeholder.WORKER_URL.environmentName()).orElse(null);
        this.authToken = reader.string(AUTH_TOKEN).orElse(null);
    }

    /** This process's context, from {@link System#getenv()}. */
    public static DriverContext fromEnvironment() {
        return new DriverContext(System.getenv());
    }

    /** The first of {@link #masterUrls()}: the master that launched this driver, or the first configured. */
    public URI masterUrl() {
        return masterUrls.get(0);
    }

    /** {@code DROVER_MASTER_URLS} (or {@code DROVER_MASTER_URL}): every master the driver may talk to. */
    public List<URI> masterUrls() {
        return masterUrls;
    }

    /**
     * A client of {@link #masterUrls()} with default settings, following the leader, presenting
     * {@code DROVER_AUTH_TOKEN} when set.
     */
    public DroverClient client() {
        DroverClient.Builder builder = DroverClient.builder(masterUrls);
        if (authToken != null) {
            builder.bearerToken(authToken);
        }
        return builder.build();
    }

    /** {@code DROVER_DRIVER_ID}: this driver's id, to pass as an application's {@code driverId}. */
    public Optional<String> driverId() {
        return Optional.ofNullable(driverId);
    }

    /** {@code DROVER_APP_RESOURCE}: the worker's local copy of the driver's {@code appResource}. */
    public Optional<Path> appResource() {
        return Optional.ofNullable(appResource);
    }

    /**
     * {@code DROVER_APP_RESOURCE_URL}: the driver's {@code appResource} as it was submitted. Hand this, not the
     * local copy, to executors: a worker copies no file from inside its own work directory.
     */
    public Optional<String> appResourceUrl() {
        return Optional.ofNullable(appResourceUrl);
    }

    /** {@code DROVER_HOSTNAME}: the name or address of the worker's host, where this driver can listen. */
    public Optional<String> hostname() {
        return Optional.ofNullable(hostname);
    }

    /** {@code DROVER_CORES}: the cores granted to this driver. */
    public OptionalInt cores() {
        return cores;
    }

    /** {@code DROVER_MEMORY_MB}: the memory granted to this driver (its JVM's {@code -Xmx}). */
    public OptionalLong memoryMb() {
        return memoryMb;
    }

    /** {@code DROVER_WORKER_URL}: the worker running this driver. */
    public Optional<URI> workerUrl() {
        return Optional.ofNullable(workerUrl);
    }

    @Override
    public String toString() {
        return "DriverContext[driverId=" + driverId + ", masterUrls=" + masterUrls + ", hostname=" + hostname
                + ", workerUrl=" + workerUrl + "]";
    }
}
