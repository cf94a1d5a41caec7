package io.drover.master.api;

import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.master.state.model.ExecutorViews;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.ClusterView;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.QueueView;
import io.drover.protocol.api.WorkerView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Maps the published snapshot to the public API's records. Pure; the snapshot never leaves the master. */
public final class ApiViews {

    private ApiViews() {
    }

    public static DriverView driver(DriverEntry d, ClusterSnapshot snapshot) {
        String worker = d.workerId() != null ? d.workerId() : d.lastWorkerId();
        String workerUrl = worker == null ? null : snapshot.worker(worker).map(WorkerEntry::url).orElse(null);
        return new DriverView(d.driverId(), d.description().name(), d.state(), worker, workerUrl,
                d.description().appResource(), d.description().command(), d.description().cores(),
                d.description().memoryMb(), d.description().supervise(), d.submittedAt(), d.launchedAt(),
                d.startedAt(), d.endedAt(), d.exitCode(), d.restarts(), d.message(), d.audit().submittedBy(),
                d.audit().killedBy(), d.pid(), d.queueing().queue(), d.queueing().priority(),
                d.description().resources(), d.resourceAddresses(),
                d.isWaiting() ? snapshot.waiting().driver(d.driverId()) : null);
    }

    public static WorkerView worker(WorkerEntry w, ClusterSnapshot snapshot) {
        return new WorkerView(w.workerId(), w.host(), w.port(), w.url(), w.state(), w.total().cores(),
                w.used().cores(), w.total().memoryMb(), w.used().memoryMb(), w.registeredAt(), snapshot.lastHeartbeat(w),
                List.copyOf(w.driverIds()), List.copyOf(w.executorKeys()), w.resources().offered(),
                w.resources().used(), w.attributes(), w.isDraining(), w.drain() == null ? null : w.drain().reason(),
                w.health().healthy(), w.health().reason(), w.isolation());
    }

    /** Active drivers in submission order, then ended ones newest first, as Spark's pages list them. */
    public static List<DriverView> drivers(ClusterSnapshot snapshot) {
        List<DriverView> views = new ArrayList<>(activeDrivers(snapshot));
        views.addAll(completedDrivers(snapshot));
        return views;
    }

    public static List<DriverView> activeDrivers(ClusterSnapshot snapshot) {
        return snapshot.drivers().values().stream().map(d -> driver(d, snapshot)).toList();
    }

    public static List<DriverView> completedDrivers(ClusterSnapshot snapshot) {
        List<DriverView> views = new ArrayList<>(
                snapshot.completedDrivers().values().stream().map(d -> driver(d, snapshot)).toList());
        Collections.reverse(views);
        return views;
    }

    /** An application with its executors: live ones in launch order, then ended ones newest first. */
    public static ApplicationView application(ApplicationEntry a, ClusterSnapshot snapshot) {
        List<ExecutorView> executors = new ArrayList<>();
        List<ExecutorView> ended = new ArrayList<>();
        for (ExecutorEntry e : a.executors().values()) {
            ExecutorView view = ExecutorViews.of(e, snapshot.worker(e.workerId()).map(WorkerEntry::url).orElse(null));
            (e.isLive() ? executors : ended).add(view);
        }
        Collections.reverse(ended);
        executors.addAll(ended);
        return new ApplicationView(a.appId(), a.name(), a.state(), a.driverId(), a.driverUrl(), a.coresPerExecutor(),
                a.memoryPerExecutorMb(), a.maxCores(), a.executorLimit(), a.coresGranted(), a.submittedAt(),
                a.endedAt(), a.message(), executors, a.audit().submittedBy(), a.audit().killedBy(),
                a.queueing().queue(), a.queueing().priority(), a.resourcesPerExecutor(),
                a.state().isTerminal() ? null : snapshot.waiting().application(a.appId()), a.webUiUrl());
    }

    /** Active applications in registration order, then ended ones newest first. */
    public static List<ApplicationView> applications(ClusterSnapshot snapshot) {
        List<ApplicationView> views = new ArrayList<>(activeApplications(snapshot));
        views.addAll(completedApplications(snapshot));
        return views;
    }

    public static List<ApplicationView> activeApplications(ClusterSnapshot snapshot) {
        return snapshot.applications().values().stream().map(a -> application(a, snapshot)).toList();
    }

    public static List<ApplicationView> completedApplications(ClusterSnapshot snapshot) {
        List<ApplicationView> views = new ArrayList<>(
                snapshot.completedApplications().values().stream().map(a -> application(a, snapshot)).toList());
        Collections.reverse(views);
        return views;
    }

    /** The cluster's totals and queues and, with {@code full}, every worker, driver and application as well. */
    public static ClusterView cluster(ClusterSnapshot snapshot, boolean full, List<QueueView> queues) {
        List<WorkerEntry> alive = snapshot.workers().values().stream().filter(WorkerEntry::acceptsWork).toList();
        return new ClusterView(snapshot.url(), snapshot.status(), snapshot.epoch(), snapshot.leaderUrl(), alive.size(),
                snapshot.workers().size() - alive.size(),
                alive.stream().mapToInt(w -> w.total().cores()).sum(),
                alive.stream().mapToInt(w -> w.used().cores()).sum(),
                alive.stream().mapToLong(w -> w.total().memoryMb()).sum(),
                alive.stream().mapToLong(w -> w.used().memoryMb()).sum(),
                full ? snapshot.workers().values().stream().map(w -> worker(w, snapshot)).toList() : List.of(),
                full ? activeDrivers(snapshot) : List.of(), full ? completedDrivers(snapshot) : List.of(),
                full ? activeApplications(snapshot) : List.of(), full ? completedApplications(snapshot) : List.of(), queues);
    }
}
