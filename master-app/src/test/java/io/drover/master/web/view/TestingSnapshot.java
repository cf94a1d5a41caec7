package io.drover.master.web.view;

import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.Audit;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.internal.DriverDescription;
import io.drover.protocol.resources.Resources;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.MasterStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds snapshots by hand for the view tests, the way the state machine would leave them. */
final class TestingSnapshot {

    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    static final CommandSpec TRUE = CommandSpec.executable("/bin/true", List.of("--secret=hunter2"));

    private final Map<String, WorkerEntry> workers = new LinkedHashMap<>();
    private final Map<String, DriverEntry> drivers = new LinkedHashMap<>();
    private final Map<String, DriverEntry> completedDrivers = new LinkedHashMap<>();
    private final Map<String, ApplicationEntry> apps = new LinkedHashMap<>();
    private final Map<String, ApplicationEntry> completedApps = new LinkedHashMap<>();
    private int seq;

    static String workerId(int n) {
        return "worker-20261122080000-127.0.0.1-" + (20000 + n);
    }

    static String driverId(int n) {
        return String.format("driver-20261122080000-%04d", n);
    }

    static String appId(int n) {
        return String.format("app-20261122080000-%04d", n);
    }

    TestingSnapshot worker(int n, String url) {
        WorkerEntry w = WorkerEntry.registered(workerId(n), "127.0.0.1", 20000 + n, url, Resources.of(8, 16384), T0);
        workers.put(w.workerId(), w);
        return this;
    }

    TestingSnapshot workers(int count) {
        for (int i = 0; i < count; i++) {
            worker(i, "http://127.0.0.1:" + (20000 + i));
        }
        return this;
    }

    /** A waiting driver, or one placed on {@code worker} when it is not null. */
    TestingSnapshot activeDriver(int n, String worker) {
        DriverEntry d = DriverEntry.submitted(driverId(n), seq++, description("driver " + n), "alice",
                T0.plusSeconds(n));
        if (worker != null) {
            d = d.placedOn(worker, T0.plusSeconds(n));
            workers.put(worker, workers.get(worker).withDriver(d.driverId(), d.demand()));
        }
        drivers.put(d.driverId(), d);
        return this;
    }

    /** Ended drivers, submitted one second apart, oldest first as the snapshot keeps them. */
    TestingSnapshot completedDrivers(int from, int count, DriverState state, String lastWorker) {
        for (int n = from; n < from + count; n++) {
            DriverEntry d = DriverEntry.submitted(driverId(n), seq++, description("driver " + n), "alice",
                T0.plusSeconds(n));
            if (lastWorker != null) {
                d = d.placedOn(lastWorker, T0.plusSeconds(n));
            }
            completedDrivers.put(d.driverId(), d.ended(state, 0, null, T0.plusSeconds(n + 5)));
        }
        return this;
    }

    TestingSnapshot activeApp(int n, ExecutorEntry... executors) {
        ApplicationEntry a = app(n, ApplicationState.RUNNING, null);
        for (ExecutorEntry e : executors) {
            a = a.withExecutor(e, 0, e.executorId() + 1);
        }
        apps.put(a.appId(), a);
        return this;
    }

    TestingSnapshot completedApps(int from, int count) {
        for (int n = from; n < from + count; n++) {
            ApplicationEntry a = app(n, ApplicationState.FINISHED, T0.plusSeconds(n + 60));
            completedApps.put(a.appId(), a);
        }
        return this;
    }

    static ExecutorEntry executor(int app, int executor, String worker) {
        return ExecutorEntry.launching(appId(app), executor, worker, 2, 1024, T0.plusSeconds(executor));
    }

    ClusterSnapshot build() {
        return new ClusterSnapshot(MasterStatus.ALIVE, "http://127.0.0.1:8080", 7, "http://127.0.0.1:8080", workers, drivers,
                completedDrivers, apps, completedApps);
    }

    private static DriverDescription description(String name) {
        return new DriverDescription(name, null, TRUE, 1, 512, false);
    }

    private static ApplicationEntry app(int n, ApplicationState state, Instant ended) {
        return new ApplicationEntry(appId(n), n, "app " + n, TRUE, null, null, 1024, null, null, null, null, state,
                T0.plusSeconds(n), ended, null, 0, 0, 0, Map.of(), Audit.submittedBy("alice"));
    }
}
