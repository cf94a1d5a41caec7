package io.drover.cluster.fuzz;

import io.drover.protocol.Paths;
import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.ClusterView;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.LocalDriverView;
import io.drover.protocol.api.LocalExecutorView;
import io.drover.protocol.api.WorkerStatus;
import io.drover.protocol.api.WorkerView;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import io.drover.protocol.state.WorkerState;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real master and worker the fuzz aims at, started by the cluster tests' own {@code TestCluster}, and
 * the live things it keeps in them: a finished driver with logs, a running driver, and a running
 * application with one running executor (all sleeping or printing processes, never anything the fuzz
 * sends). A call that rightly kills one of them is followed by {@link #settle()}, which waits for the
 * cluster to be quiet and provisions a replacement.
 */
final class LiveCluster implements LiveRef.Resolver, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Longer than a heartbeat interval (a quarter of TestCluster's 3 s worker timeout), so a quiet spell means quiet. */
    private static final Duration QUIET = Duration.ofMillis(800);

    private final AutoCloseable testCluster;
    private final FuzzHttp http = new FuzzHttp();
    final String masterUrl;
    final String workerUrl;
    private final String masterInternalUrl;
    private final String workerInternalUrl;
    final String workerId;
    private String finishedDriverId;
    private String runningDriverId;
    private String appId;
    private int executorId;
    private int settles;
    private int replacements;
    private long settleNanos;

    /** The cluster's state as two views, and the projection of them that must not move under a refused call. */
    record Snapshot(ClusterView cluster, WorkerStatus worker, List<String> projection) {
    }

    private LiveCluster(AutoCloseable testCluster, String masterUrl, String workerUrl, String workerId,
            String masterInternalUrl, String workerInternalUrl) {
        this.testCluster = testCluster;
        this.masterUrl = masterUrl;
        this.workerUrl = workerUrl;
        this.workerId = workerId;
        this.masterInternalUrl = masterInternalUrl;
        this.workerInternalUrl = workerInternalUrl;
    }

    /**
     * Starts a master and one worker (2 cores, 256 MB) through {@code io.drover.cluster.TestCluster}. That class
     * is package-private in the package above, so it is reached by reflection rather than copied.
     */
    static LiveCluster start(Path workRoot) {
        try {
            Class<?> type = Class.forName("io.drover.cluster.TestCluster");
            Method start = accessible(type.getDeclaredMethod("start", Path.class, String[].class));
            // The fuzz sends bad bearer tokens by the thousand from one address; its own calls must not be
            // throttled for them.
            String[] unthrottled = {"--drover.auth.throttle.max-failures=1000000000"};
            Object cluster = start.invoke(null, workRoot, unthrottled);
            try {
                String workerId = (String) accessible(type.getDeclaredMethod("addWorker", int.class, long.class,
                        String[].class)).invoke(cluster, 2, 256L, unthrottled);
                Field masterUrl = type.getDeclaredField("masterUrl");
                masterUrl.setAccessible(true);
                String workerUrl = (String) accessible(type.getDeclaredMethod("workerUrl", int.class)).invoke(cluster, 1);
                Method internalUrl = accessible(type.getDeclaredMethod("internalUrl", String.class));
                String master = (String) masterUrl.get(cluster);
                LiveCluster live = new LiveCluster((AutoCloseable) cluster, master, workerUrl, workerId,
                        (String) internalUrl.invoke(cluster, master), (String) internalUrl.invoke(cluster, workerUrl));
                live.settle();
                return live;
            } catch (InvocationTargetException | RuntimeException | Error e) {
                ((AutoCloseable) cluster).close();
                throw e;
            }
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the test cluster did not start", e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("the test cluster did not start", e);
        }
    }

    /** {@code io.drover.cluster.NoProcessesLeft.assertNoneLeft()}, package-private like TestCluster. */
    static void assertNoProcessesLeft() {
        try {
            accessible(Class.forName("io.drover.cluster.NoProcessesLeft").getDeclaredMethod("assertNoneLeft"))
                    .invoke(null);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method accessible(Method method) {
        method.setAccessible(true);
        return method;
    }

    @Override
    public String resolve(LiveRef ref) {
        return switch (ref) {
            case MASTER_URL -> masterUrl;
            case EPOCH -> Long.toString(epoch());
            case WORKER_ID -> workerId;
            case FINISHED_DRIVER_ID -> finishedDriverId;
            case RUNNING_DRIVER_ID -> runningDriverId;
            case APP_ID -> appId;
            case EXECUTOR_ID -> Integer.toString(executorId);
            case UNKNOWN_DRIVER_ID -> Values.UNKNOWN_DRIVER;
            case UNKNOWN_APP_ID -> Values.UNKNOWN_APP;
            case UNKNOWN_WORKER_ID -> Values.UNKNOWN_WORKER;
        };
    }

    private long epoch() {
        return JSON.readValue(http.call("GET", masterUrl + Paths.CLUSTER, null, 200), ClusterView.class).epoch();
    }

    /**
     * Where a request goes: the worker protocol's routes to the target's internal connector, the rest to its
     * public one. Every fourth internal call goes to the public port instead (and so is refused there), so
     * both connectors' refusals are fuzzed too.
     */
    String baseUrl(FuzzRequest request) {
        boolean master = request.target() == FuzzRequest.Target.MASTER;
        boolean internal = request.route().contains(" /internal/") && (request.hashCode() & 3) != 0;
        if (internal) {
            return master ? masterInternalUrl : workerInternalUrl;
        }
        return master ? masterUrl : workerUrl;
    }

    Snapshot snapshot() {
        ClusterView cluster = JSON.readValue(http.call("GET", masterUrl + Paths.CLUSTER + "?full=true", null, 200),
                ClusterView.class);
        WorkerStatus worker = JSON.readValue(http.call("GET", workerUrl + Paths.WORKER_STATE, null, 200), WorkerStatus.class);
        return new Snapshot(cluster, worker, project(cluster, worker));
    }

    /**
     * What a refused call must leave as it was: every worker, driver, application and executor with its
     * state, placement and resources, on both sides. Heartbeat times and other clocks are left out.
     */
    static List<String> project(ClusterView cluster, WorkerStatus worker) {
        List<String> lines = new ArrayList<>();
        lines.add("master " + cluster.url() + " " + cluster.status() + " epoch " + cluster.epoch() + " workers "
                + cluster.aliveWorkers() + "/" + cluster.deadWorkers() + " cores " + cluster.coresUsed() + "/"
                + cluster.cores() + " memory " + cluster.memoryUsedMb() + "/" + cluster.memoryMb());
        for (WorkerView w : cluster.workers()) {
            lines.add("worker " + w.workerId() + " " + w.state() + " " + w.url() + " cores " + w.coresUsed() + "/"
                    + w.cores() + " memory " + w.memoryUsedMb() + "/" + w.memoryMb() + " drivers " + w.driverIds()
                    + " executors " + w.executors());
        }
        Stream.concat(cluster.activeDrivers().stream(), cluster.completedDrivers().stream()).forEach(d -> lines.add(
                "driver " + d.driverId() + " " + d.state() + " on " + d.workerId() + " exit " + d.exitCode()
                        + " restarts " + d.restarts() + " cores " + d.cores() + " memory " + d.memoryMb()));
        Stream.concat(cluster.activeApplications().stream(), cluster.completedApplications().stream()).forEach(a -> {
            lines.add("app " + a.appId() + " " + a.state() + " granted " + a.coresGranted() + " limit "
                    + a.executorLimit() + " maxCores " + a.maxCores());
            for (ExecutorView e : a.executors()) {
                lines.add("executor " + e.appId() + "/" + e.executorId() + " " + e.state() + " on " + e.workerId()
                        + " exit " + e.exitCode());
            }
        });
        lines.add("local worker " + worker.workerId() + " master " + worker.masterUrl() + " epoch " + worker.epoch()
                + " registered " + worker.registered() + " cores " + worker.coresUsed() + "/" + worker.cores()
                + " memory " + worker.memoryUsedMb() + "/" + worker.memoryMb());
        for (LocalDriverView d : worker.runningDrivers()) {
            lines.add("local running driver " + d.driverId() + " " + d.state() + " pid " + d.pid());
        }
        for (LocalDriverView d : worker.finishedDrivers()) {
            lines.add("local finished driver " + d.driverId() + " " + d.state() + " exit " + d.exitCode());
        }
        for (LocalExecutorView e : worker.runningExecutors()) {
            lines.add("local running executor " + e.appId() + "/" + e.executorId() + " " + e.state() + " pid " + e.pid());
        }
        for (LocalExecutorView e : worker.finishedExecutors()) {
            lines.add("local finished executor " + e.appId() + "/" + e.executorId() + " " + e.state() + " exit "
                    + e.exitCode());
        }
        return lines;
    }

    /** The lines of {@code after} that {@code before} lacks ({@code +}) and the other way round ({@code -}). */
    static String diff(List<String> before, List<String> after) {
        StringBuilder out = new StringBuilder();
        before.stream().filter(line -> !after.contains(line)).forEach(line -> out.append("\n      - ").append(line));
        after.stream().filter(line -> !before.contains(line)).forEach(line -> out.append("\n      + ").append(line));
        return out.toString();
    }

    /**
     * Replaces whichever live thing a call rightly killed, then waits until the cluster is quiet (the projection
     * unchanged for {@link #QUIET}, and no worker alive but ours: one the fuzz registered dies of silence).
     */
    void settle() {
        long start = System.nanoTime();
        try {
            for (int round = 0; round < 3; round++) {
                if (provision()) {
                    replacements++;
                }
                waitQuiet();
                if (healthy(snapshot())) {
                    return;
                }
            }
            throw new IllegalStateException("the live drivers and application could not be kept running");
        } finally {
            settles++;
            settleNanos += System.nanoTime() - start;
        }
    }

    /** How often the fuzz waited for quiet, for how long in all, and how many times live things were replaced. */
    String settleStatistics() {
        return settles + " settles in " + settleNanos / 1_000_000 + " ms, " + replacements + " replacements";
    }

    private void waitQuiet() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> last = null;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Snapshot now = snapshot();
            boolean strangerAlive = now.cluster().workers().stream()
                    .anyMatch(w -> w.state() == WorkerState.ALIVE && !w.workerId().equals(workerId));
            boolean oursAlive = now.cluster().workers().stream()
                    .anyMatch(w -> w.state() == WorkerState.ALIVE && w.workerId().equals(workerId));
            if (!now.projection().equals(last)) {
                last = now.projection();
                quietSince = System.nanoTime();
            } else if (!strangerAlive && oursAlive && System.nanoTime() - quietSince >= QUIET.toNanos()) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException("the cluster did not settle within " + WAIT + "; last state:\n" + last);
    }

    /**
     * Whether a call that was taken left the cluster as it was: the same now and a moment later (long enough
     * for the master's messages to the worker to show), so there is nothing to wait for.
     */
    boolean unchangedSince(Snapshot before) {
        if (!snapshot().projection().equals(before.projection())) {
            return false;
        }
        sleep(200);
        return snapshot().projection().equals(before.projection());
    }

    /** Whether the live things are as they should be. */
    boolean healthy(Snapshot snapshot) {
        return finishedDriver(snapshot).isPresent() && runningDriver(snapshot).isPresent()
                && runningExecutor(snapshot).isPresent();
    }

    /** Replaces whichever live thing is gone or broken; answers whether it had to. */
    private boolean provision() {
        Snapshot now = snapshot();
        boolean changed = false;
        if (finishedDriver(now).isEmpty()) {
            finishedDriverId = submit("{\"name\":\"fuzz-finished\",\"command\":{\"executable\":\"/bin/sh\","
                    + "\"arguments\":[\"-c\",\"echo out; echo err >&2\"]},\"cores\":1,\"memoryMb\":16}", "driverId");
            await("driver " + finishedDriverId + " FINISHED", s -> finishedDriver(s).isPresent());
            changed = true;
        }
        if (runningDriver(now).isEmpty()) {
            killQuietly(Paths.DRIVER_KILL.replace("{driverId}", String.valueOf(runningDriverId)));
            runningDriverId = submit("{\"name\":\"fuzz-running\",\"command\":{\"executable\":\"/bin/sleep\","
                    + "\"arguments\":[\"600\"]},\"cores\":1,\"memoryMb\":16}", "driverId");
            await("driver " + runningDriverId + " RUNNING", s -> runningDriver(s).isPresent());
            changed = true;
        }
        if (runningExecutor(now).isEmpty()) {
            killQuietly(Paths.APPLICATION_KILL.replace("{appId}", String.valueOf(appId)));
            appId = submit("{\"name\":\"fuzz-app\",\"executorCommand\":{\"executable\":\"/bin/sleep\","
                    + "\"arguments\":[\"600\"]},\"coresPerExecutor\":1,\"memoryPerExecutorMb\":16,\"maxCores\":1}",
                    "appId");
            ExecutorView executor = await("an executor of " + appId + " RUNNING", s -> runningExecutor(s).isPresent())
                    .map(this::runningExecutor).orElseThrow().orElseThrow();
            executorId = executor.executorId();
            changed = true;
        }
        return changed;
    }

    private Optional<DriverView> finishedDriver(Snapshot s) {
        return Stream.concat(s.cluster().activeDrivers().stream(), s.cluster().completedDrivers().stream())
                .filter(d -> d.driverId().equals(finishedDriverId) && d.state() == DriverState.FINISHED).findFirst();
    }

    private Optional<DriverView> runningDriver(Snapshot s) {
        boolean local = s.worker().runningDrivers().stream()
                .anyMatch(d -> d.driverId().equals(runningDriverId) && d.state() == DriverState.RUNNING);
        return s.cluster().activeDrivers().stream()
                .filter(d -> local && d.driverId().equals(runningDriverId) && d.state() == DriverState.RUNNING
                        && workerId.equals(d.workerId()))
                .findFirst();
    }

    private Optional<ExecutorView> runningExecutor(Snapshot s) {
        Optional<ApplicationView> app = s.cluster().activeApplications().stream()
                .filter(a -> a.appId().equals(appId) && a.state() == ApplicationState.RUNNING).findFirst();
        return app.flatMap(a -> a.executors().stream().filter(e -> e.state() == ExecutorState.RUNNING).findFirst())
                .filter(e -> s.worker().runningExecutors().stream().anyMatch(local -> local.appId().equals(appId)
                        && local.executorId() == e.executorId() && local.state() == ExecutorState.RUNNING));
    }

    private String submit(String json, String idField) {
        String path = idField.equals("appId") ? Paths.APPLICATIONS : Paths.DRIVERS;
        return JSON.readTree(http.call("POST", masterUrl + path, json, 201)).get(idField).asString();
    }

    private void killQuietly(String path) {
        if (!path.contains("null")) {
            http.call("POST", masterUrl + path, null, 0);
        }
    }

    /** Cleans up after a call that was rightly taken: a driver or application it created is killed at once. */
    void killCreated(FuzzHttp.Answer answer) {
        try {
            var created = JSON.readTree(answer.body());
            if (created.hasNonNull("driverId")) {
                killQuietly(Paths.DRIVER_KILL.replace("{driverId}", created.get("driverId").asString()));
            }
            if (created.hasNonNull("appId")) {
                killQuietly(Paths.APPLICATION_KILL.replace("{appId}", created.get("appId").asString()));
            }
        } catch (RuntimeException notJson) {
            // nothing was created that this can name
        }
    }

    private Optional<Snapshot> await(String what, Predicate<Snapshot> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Snapshot last = null;
        while (System.nanoTime() < deadline) {
            last = snapshot();
            if (condition.test(last)) {
                return Optional.of(last);
            }
            sleep(100);
        }
        throw new IllegalStateException("waited " + WAIT + " for " + what + "; the cluster is:\n"
                + (last == null ? "" : String.join("\n", Objects.requireNonNull(last).projection())));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        testCluster.close();
    }
}
