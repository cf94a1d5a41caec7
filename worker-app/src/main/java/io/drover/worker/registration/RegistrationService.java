package io.drover.worker.registration;

import io.drover.protocol.Scheduling;
import io.drover.protocol.ids.IdGenerator;
import io.drover.protocol.internal.RegisterWorker;
import io.drover.protocol.internal.RegisterWorkerReply;
import io.drover.protocol.internal.StateReports;
import io.drover.worker.config.AdvertisedHost;
import io.drover.worker.config.WorkerProperties;
import io.drover.server.connector.InternalConnector;
import io.drover.worker.isolation.Sandbox;
import io.drover.worker.health.WorkDirHealth;
import io.drover.worker.resources.OfferedResources;
import io.drover.worker.spark.WorkerSpark;
import io.drover.worker.support.NamedThreads;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Registers this worker with a master: once the web server listens (only then is the port known), and
 * again on demand. Every attempt runs on one background thread; passes over the master URLs are separated
 * by {@link Backoff} delays, and the first success wins (Spark's {@code Worker.tryRegisterAllMasters}).
 */
@Service
public class RegistrationService {

    /** Used when a reply carries no interval: a quarter of the master's default 60 s worker timeout. */
    static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(15);

    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);

    private final WorkerProperties properties;
    private final MasterLink link;
    private final MasterClient client;
    private final HeartbeatService heartbeats;
    private final Inventory inventory;
    private final Sandbox sandbox;
    private final AdvertisedHost advertisedHost;
    private final InternalConnector internal;
    private final Clock clock;
    private final WorkerSpark spark;
    private final OfferedResources resources;
    private final WorkDirHealth health;
    private final Backoff backoff;
    private final List<String> masterUrls;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("drover-registration"));
    private final AtomicBoolean inProgress = new AtomicBoolean();
    /** A master that announced itself; tried first by the next pass. */
    private volatile String newMaster;
    private volatile ScheduledFuture<?> nextPass;
    private volatile boolean closed;

    RegistrationService(WorkerProperties properties, MasterLink link, MasterClient client, HeartbeatService heartbeats,
            Inventory inventory, AdvertisedHost advertisedHost, InternalConnector internal, Clock clock,
            RandomGenerator random, Sandbox sandbox, WorkerSpark spark, OfferedResources resources,
            WorkDirHealth health) {
        this.resources = resources;
        this.health = health;
        this.internal = internal;
        this.properties = properties;
        this.link = link;
        this.client = client;
        this.heartbeats = heartbeats;
        this.inventory = inventory;
        this.sandbox = sandbox;
        this.advertisedHost = advertisedHost;
        this.clock = clock;
        this.spark = spark;
        this.backoff = new Backoff(properties.registrationRetryMax(), random);
        this.masterUrls = properties.masterUrls().stream().map(URI::toString).toList();
    }

    @EventListener
    void onWebServerInitialized(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return; // a management server on its own port; the worker's URL is the main server's
        }
        link.identify(identity(event.getWebServer().getPort()));
        log.info("Worker {} serves {}; registering with {}", link.workerId(), link.workerUrl(), masterUrls);
        begin(false);
    }

    private WorkerIdentity identity(int port) {
        URI publicUrl = properties.publicUrl();
        String host = publicUrl != null && publicUrl.getHost() != null ? publicUrl.getHost() : advertisedHost.host();
        String url = publicUrl != null ? withoutTrailingSlash(publicUrl.toString()) : advertisedHost.urlFor(port);
        return new WorkerIdentity(IdGenerator.workerId(clock, host, port), host, port, url, internal.urlBeside(url));
    }

    /**
     * Registers again, first with the master we followed (a restarted master, or one that declared us dead),
     * then with every configured URL. A no-op while a registration is already under way.
     */
    void reconnect() {
        begin(true);
    }

    /**
     * A master says it took over at a higher epoch: register with it now, inventory included, rather than
     * wait for heartbeats to the old one to fail. A registration under way is redirected to it.
     */
    public void followNewMaster(String masterUrl, long epoch) {
        log.info("Master {} took over at epoch {}; registering with it", masterUrl, epoch);
        newMaster = masterUrl;
        if (!inProgress.get()) {
            begin(true);
            return;
        }
        ScheduledFuture<?> waiting = nextPass;
        if (waiting != null && waiting.cancel(false)) {
            schedule(() -> pass(0, true), Duration.ZERO); // a pass waiting out its back-off goes now
        }
    }

    private void begin(boolean followedFirst) {
        if (closed || !inProgress.compareAndSet(false, true)) {
            return;
        }
        heartbeats.stop();
        link.disconnected();
        try {
            executor.execute(() -> pass(0, followedFirst));
        } catch (RejectedExecutionException e) {
            inProgress.set(false); // closing
        }
    }

    private void pass(int attempt, boolean followedOnly) {
        String announced = newMaster;
        newMaster = null;
        String followed = announced != null ? announced : link.masterUrl();
        boolean onlyFollowed = followedOnly && followed != null;
        List<String> targets = onlyFollowed ? List.of(followed) : masterUrls;
        List<String> failures = new ArrayList<>();
        for (String url : targets) {
            if (closed) {
                return;
            }
            Optional<RegisterWorkerReply> reply = tryRegister(url, failures);
            if (reply.isPresent()) {
                registered(url, reply.get());
                return;
            }
        }
        if (onlyFollowed) {
            log.warn("Could not register again with {} ({}); trying every master", followed, failures);
            pass(attempt, false);
            return;
        }
        Duration delay = backoff.delay(attempt);
        log.warn("Could not register with any master (attempt {}: {}); retrying in {} ms",
                attempt + 1, String.join("; ", failures), delay.toMillis());
        schedule(() -> pass(attempt + 1, false), delay);
    }

    private Optional<RegisterWorkerReply> tryRegister(String url, List<String> failures) {
        try {
            RegisterWorker request = request();
            RegisterWorkerReply reply = client.register(url, request);
            if (reply.epoch() < link.epoch()) {
                log.warn("Master {} answered at epoch {}, below epoch {} which this worker followed; not following "
                        + "it (a deposed leader?)", url, reply.epoch(), link.epoch());
                failures.add(url + ": stale epoch " + reply.epoch());
                return Optional.empty();
            }
            if (request.unreported() != null) {
                inventory.delivered(request.unreported());
            }
            return Optional.of(reply);
        } catch (HttpClientErrorException.Conflict e) {
            // Another live worker has our id (same host, port and start second), or the master has not yet
            // noticed our previous life ended. Either way an operator may need to know; keep trying.
            log.error("Master {} refused worker id {} as a duplicate; retrying", url, link.workerId());
            failures.add(url + ": duplicate worker id");
        } catch (RuntimeException e) {
            failures.add(url + ": " + MasterClient.describe(e));
        }
        return Optional.empty();
    }

    private RegisterWorker request() {
        WorkerIdentity me = link.identity();
        StateReports undelivered = inventory.undelivered();
        return new RegisterWorker(me.workerId(), me.host(), me.port(), me.url(), properties.offeredCores(),
                properties.offeredMemoryMb(), link.epoch(), inventory.drivers(), inventory.executors(),
                undelivered.isNotEmpty() ? undelivered : null, me.internalUrl(), resources.addresses(), attributes(), health.get(),
                sandbox.isolation().key());
    }

    /** What it is, for placement: its Spark version when it has Spark (issue 12), so Spark work comes only here. */
    private Map<String, String> attributes() {
        return spark.present() ? Map.of(Scheduling.SPARK_VERSION_ATTRIBUTE, spark.version()) : Map.of();
    }

    private void registered(String url, RegisterWorkerReply reply) {
        String masterUrl = reply.masterUrl() == null || reply.masterUrl().isBlank() ? url : reply.masterUrl();
        if (!link.registered(masterUrl, reply.masterInternalUrl(), reply.epoch())) {
            // A newer master announced itself while this reply was on its way: follow that one instead.
            inProgress.set(false);
            begin(true);
            return;
        }
        log.info("Registered with master {} (epoch {}) as {}", masterUrl, reply.epoch(), link.workerId());
        if (!reply.killDriverIds().isEmpty()) {
            log.info("Master {} gave drivers {} to someone else; killing them here", masterUrl, reply.killDriverIds());
            inventory.killDriversSilently(reply.killDriverIds());
        }
        if (!reply.killExecutors().isEmpty()) {
            log.info("Master {} does not give us executors {}; killing them here", masterUrl, reply.killExecutors());
            inventory.killExecutorsSilently(reply.killExecutors());
        }
        Duration interval = reply.heartbeatIntervalMs() > 0
                ? Duration.ofMillis(reply.heartbeatIntervalMs()) : DEFAULT_HEARTBEAT_INTERVAL;
        inProgress.set(false);
        heartbeats.start(link.protocolUrl(), interval, this::reconnect);
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            nextPass = executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing: nothing more to do
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        closed = true;
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
