package io.drover.spark;

import io.drover.client.DroverApiException;
import io.drover.client.EventSubscription;
import io.drover.protocol.api.ApplicationEvent;
import io.drover.protocol.api.RegisterApplicationRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.launcher.JavaModuleOptions;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.scheduler.TaskSchedulerImpl;
import org.apache.spark.scheduler.cluster.CoarseGrainedSchedulerBackend;
import org.apache.spark.util.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;
import scala.collection.immutable.Seq;
import scala.concurrent.Future;
import scala.jdk.javaapi.CollectionConverters;
import scala.jdk.javaapi.FutureConverters;

/**
 * Spark's scheduler backend on Drover. Spark's {@code CoarseGrainedSchedulerBackend} does the scheduling
 * (executors register with it over Spark's RPC and it hands them tasks); this class only gets and gives back
 * executors: it registers a Drover application on {@link #start()}, turns Spark's executor target and kills
 * into the application's executor limit and executor kills, tells Spark why an executor went away, and
 * finishes the application on {@link #stop()}.
 *
 * <p>Calls to Drover that Spark makes while holding its scheduler's locks (targets, kills) run on one thread
 * of their own, in order, so a slow master never stalls Spark's scheduling.
 */
final class DroverSchedulerBackend extends CoarseGrainedSchedulerBackend {

    private static final Logger log = LoggerFactory.getLogger(DroverSchedulerBackend.class);

    private final SparkContext sc;
    private final DroverConnection drover;
    private final ExecutorService calls = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "drover-executor-requests");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Executors Spark asked Drover to kill; they may stay registered with Spark until they are gone. */
    private final Set<String> killed = ConcurrentHashMap.newKeySet();
    private volatile int target;
    private volatile String appId;
    private volatile EventSubscription events;

    DroverSchedulerBackend(TaskSchedulerImpl scheduler, SparkContext sc, DroverConnection drover) {
        super(scheduler, sc.env().rpcEnv());
        this.sc = sc;
        this.drover = drover;
    }

    @Override
    public void start() {
        super.start();
        SparkConf conf = sc.conf();
        Map<String, String> properties = DroverClusterManager.properties(conf);
        String driverUrl = "spark://" + CoarseGrainedSchedulerBackend.ENDPOINT_NAME() + "@"
                + conf.get("spark.driver.host") + ":" + conf.get("spark.driver.port");
        RegisterApplicationRequest request = ExecutorRequests.build(sc.appName(), properties, driverUrl,
                sc.executorMemory(), executorJavaOptions(conf), CollectionConverters.asJava(sc.executorEnvs()),
                System.getenv("DROVER_DRIVER_ID"), sc.uiWebUrl().isDefined() ? sc.uiWebUrl().get() : null);
        appId = drover.registerApplication(request);
        log.info("Registered Drover application {} for {}", appId, sc.appName());
        events = drover.followEvents(appId, this::onEvent);
    }

    /** Spark's module options, the properties executors need before they reach the driver, and the user's. */
    private static List<String> executorJavaOptions(SparkConf conf) {
        List<String> options = new ArrayList<>(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
        for (Tuple2<String, String> entry : conf.getAll()) {
            if (SparkConf.isExecutorStartupConf(entry._1())) {
                options.add("-D" + entry._1() + "=" + entry._2());
            }
        }
        if (conf.contains("spark.executor.extraJavaOptions")) {
            options.addAll(CollectionConverters.asJava(
                    Utils.splitCommandString(conf.get("spark.executor.extraJavaOptions"))));
        }
        return options;
    }

    @Override
    public String applicationId() {
        return appId != null ? appId : super.applicationId();
    }

    /** Spark's target for each resource profile; Drover knows one kind of executor, so the sum counts. */
    @Override
    public Future<Object> doRequestTotalExecutors(scala.collection.immutable.Map<ResourceProfile, Object> targets) {
        target = CollectionConverters.asJava(targets).values().stream().mapToInt(n -> (Integer) n).sum();
        return later(this::applyLimit);
    }

    @Override
    public Future<Object> doKillExecutors(Seq<String> executorIds) {
        List<String> ids = List.copyOf(CollectionConverters.asJava(executorIds));
        killed.addAll(ids);
        return later(() -> {
            ids.forEach(id -> drover.killExecutor(appId, Integer.parseInt(id)));
            applyLimit();
        });
    }

    /**
     * The executor limit Drover gets: Spark's target, but never below the executors Spark has and did not
     * ask to kill. Spark lowers its target first and then kills the idle executors it chose; a Drover limit
     * below the live executors would stop the newest ones, busy or not, so the limit follows the kills.
     */
    private void applyLimit() {
        long kept = CollectionConverters.asJava(getExecutorIds()).stream().filter(id -> !killed.contains(id)).count();
        drover.setExecutorLimit(appId, (int) Math.max(target, kept));
    }

    private Future<Object> later(Runnable call) {
        CompletableFuture<Object> done = CompletableFuture.supplyAsync(() -> {
            try {
                call.run();
                return Boolean.TRUE;
            } catch (RuntimeException e) {
                log.warn("Drover refused an executor request for {}: {}", appId, e.getMessage());
                return Boolean.FALSE;
            }
        }, calls);
        return FutureConverters.asScala(done);
    }

    /** Runs on the event stream's thread. */
    private void onEvent(ApplicationEvent event) {
        if (event.executor() != null) {
            ExecutorLosses.of(event.executor()).ifPresent(
                    reason -> removeExecutor(Integer.toString(event.executor().executorId()), reason));
        }
        if (event.state() != null && event.state().isTerminal() && !stopping.get()) {
            // Killed or failed on Drover's side: with no executors to come, the application cannot go on.
            log.error("Drover ended application {} ({}{}); stopping the SparkContext", appId, event.state(),
                    event.message() == null ? "" : ": " + event.message());
            Thread stopper = new Thread(sc::stop, "drover-stop-spark-context");
            stopper.setDaemon(true);
            stopper.start();
        }
    }

    @Override
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            super.stop();
        } finally {
            finish();
        }
    }

    private void finish() {
        calls.shutdown();
        if (appId == null) {
            return;
        }
        try {
            drover.finishApplication(appId);
        } catch (DroverApiException e) {
            // 409: Drover ended it first (killed, or its driver ended); nothing left to finish.
            log.info("Drover application {} had already ended: {}", appId, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Could not finish Drover application {}: {}", appId, e.getMessage());
        } finally {
            EventSubscription subscription = events;
            if (subscription != null) {
                subscription.close();
            }
        }
    }
}
