package io.drover.master.api;

import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.api.ClusterView;
import io.drover.protocol.api.DriverView;
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
                d.startedAt(), d.endedAt(), d.exitCode(), d.restarts(), d.message());
    }

    public static WorkerView worker(WorkerEntry w) {
        return new WorkerView(w.workerId(), w.host(), w.port(), w.url(), w.state(), w.total().cores(),
                w.used().cores(), w.total().memoryMb(), w.used().memoryMb(), w.registeredAt(), w.lastHeartbeat(),
                List.copyOf(w.driverIds()));
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

    public static ClusterView cluster(ClusterSnapshot snapshot) {
        List<WorkerEntry> alive = snapshot.workers().values().stream().filter(WorkerEntry::isAlive).toList();
        return new ClusterView(snapshot.url(), snapshot.status(), snapshot.epoch(), alive.size(),
                snapshot.workers().size() - alive.size(),
                alive.stream().mapToInt(w -> w.total().cores()).sum(),
                alive.stream().mapToInt(w -> w.used().cores()).sum(),
                alive.stream().mapToLong(w -> w.total().memoryMb()).sum(),
                alive.stream().mapToLong(w -> w.used().memoryMb()).sum(),
                snapshot.workers().values().stream().map(ApiViews::worker).toList(),
                activeDrivers(snapshot), completedDrivers(snapshot));
    }
}
