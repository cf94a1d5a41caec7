package io.drover.master.scheduling;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.drover.protocol.Paths;
import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.internal.ExecutorStateChanged;
import io.drover.protocol.internal.Heartbeat;
import io.drover.protocol.internal.HeartbeatReply;
import io.drover.protocol.internal.LaunchDriver;
import io.drover.protocol.internal.LaunchExecutor;
import io.drover.protocol.internal.RegisterWorker;
import io.drover.protocol.internal.RegisterWorkerReply;
import io.drover.protocol.internal.StateReports;
import io.drover.protocol.internal.WorkerHealth;
import io.drover.protocol.internal.WorkerLeaving;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A worker over real HTTP that does what a test scripts instead of running processes: it registers with a
 * master, takes its launches and kills on its own port, and reports back as told: processes running, or every
 * launch refused for its own reasons (its work directory read-only), or nothing at all. Reports go from one
 * thread, in order, to the master's internal connector, as a real worker's do.
 */
final class ScriptedWorker implements AutoCloseable {

    enum Behaviour {
        /** Every launch is reported RUNNING. */
        RUNS,
        /**
         * Every launch is refused for the worker's own reasons, and its heartbeats say it is unhealthy; it
         * registered healthy (its work directory became read-only after it started).
         */
        REFUSES,
        /** Launches are taken and nothing is reported. */
        STAYS_QUIET
    }

    static final String READ_ONLY = "work directory /srv/drover/work is read-only";

    private final MasterOnTest master;
    private final HttpServer server;
    private final ExecutorService reporter = Executors.newSingleThreadExecutor();
    private volatile int cores;
    private volatile long memoryMb;
    private final Map<String, List<String>> resources;
    private final Behaviour behaviour;
    final List<LaunchDriver> driverLaunches = new CopyOnWriteArrayList<>();
    final List<LaunchExecutor> executorLaunches = new CopyOnWriteArrayList<>();
    /** Every other call of the master: kills, notices, by path. */
    final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile String reportTo;
    private volatile long epoch;

    ScriptedWorker(MasterOnTest master, int cores, long memoryMb, Map<String, List<String>> resources,
            Behaviour behaviour) {
        this.master = master;
        this.cores = cores;
        this.memoryMb = memoryMb;
        this.resources = resources;
        this.behaviour = behaviour;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    ScriptedWorker(MasterOnTest master, int cores, long memoryMb, Behaviour behaviour) {
        this(master, cores, memoryMb, Map.of(), behaviour);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String workerId() {
        return "worker-20261122080000-127.0.0.1-" + server.getAddress().getPort();
    }

    /** What it will offer when it registers (before {@link #register}). */
    ScriptedWorker offering(int cores, long memoryMb) {
        this.cores = cores;
        this.memoryMb = memoryMb;
        return this;
    }

    /** Registers through the master's public URL; reports and heartbeats then go to its internal connector. */
    ScriptedWorker register() {
        HttpResponse<String> answer = tryRegister();
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("registration answered " + answer.statusCode() + ": " + answer.body());
        }
        RegisterWorkerReply reply = MasterOnTest.JSON.readValue(answer.body(), RegisterWorkerReply.class);
        reportTo = reply.masterInternalUrl() != null ? reply.masterInternalUrl() : reply.masterUrl();
        epoch = reply.epoch();
        return this;
    }

    HttpResponse<String> tryRegister() {
        return master.post(Paths.INTERNAL_WORKERS, new RegisterWorker(workerId(), "127.0.0.1",
                server.getAddress().getPort(), url(), cores, memoryMb, epoch, List.of(), List.of(), null, null,
                resources, Map.of(), null));
    }

    HeartbeatReply heartbeat(List<String> drivers, List<String> executors) {
        WorkerHealth health = behaviour == Behaviour.REFUSES ? WorkerHealth.unhealthy(READ_ONLY)
                : WorkerHealth.HEALTHY;
        HttpResponse<String> answer = master.post(
                reportTo + Paths.INTERNAL_HEARTBEAT.replace("{workerId}", workerId()),
                new Heartbeat(epoch, drivers, executors, health));
        return MasterOnTest.JSON.readValue(answer.body(), HeartbeatReply.class);
    }

    void reportDriver(String driverId, DriverState state, Integer exitCode) {
        report(new StateReports(List.of(new DriverStateChanged(driverId, state, exitCode, null, 0,
                state == DriverState.RUNNING ? 4242L : null)), List.of()));
    }

    void leave() {
        reporter.execute(() -> master.post(reportTo + Paths.INTERNAL_LEAVE.replace("{workerId}", workerId()),
                new WorkerLeaving(epoch, "stopped after its decommission")));
    }

    private void report(StateReports reports) {
        reporter.execute(() -> {
            HttpResponse<String> answer = master.post(
                    reportTo + Paths.INTERNAL_STATES.replace("{workerId}", workerId()), reports);
            if (answer.statusCode() != 204) {
                throw new IllegalStateException("reports answered " + answer.statusCode() + ": " + answer.body());
            }
        });
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        if (path.equals(Paths.INTERNAL_LAUNCH_DRIVER)) {
            LaunchDriver launch = MasterOnTest.JSON.readValue(body, LaunchDriver.class);
            driverLaunches.add(launch);
            switch (behaviour) {
                case RUNS -> reportDriver(launch.driverId(), DriverState.RUNNING, null);
                case REFUSES -> report(StateReports.ofDrivers(List.of(
                        DriverStateChanged.refused(launch.driverId(), READ_ONLY))));
                case STAYS_QUIET -> { }
            }
        } else if (path.equals(Paths.INTERNAL_LAUNCH_EXECUTOR)) {
            LaunchExecutor launch = MasterOnTest.JSON.readValue(body, LaunchExecutor.class);
            executorLaunches.add(launch);
            switch (behaviour) {
                case RUNS -> report(new StateReports(List.of(), List.of(new ExecutorStateChanged(launch.appId(),
                        launch.executorId(), ExecutorState.RUNNING, null, null, 4343L))));
                case REFUSES -> report(new StateReports(List.of(), List.of(
                        ExecutorStateChanged.refused(launch.appId(), launch.executorId(), READ_ONLY))));
                case STAYS_QUIET -> { }
            }
        } else {
            calls.add(path);
        }
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        reporter.shutdownNow();
    }
}
