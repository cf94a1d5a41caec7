package io.drover.master.web.view;

import io.drover.master.api.ApiViews;
import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.WorkerView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One row per worker, driver, application and executor, mapped from the API's records so that the pages
 * and the API never disagree. Pure.
 */
final class Rows {

    private Rows() {
    }

    static WorkerRow worker(WorkerEntry entry, ClusterSnapshot snapshot) {
        WorkerView w = ApiViews.worker(entry, snapshot);
        return new WorkerRow(w.workerId(), Links.http(w.url()), address(entry), w.state(), w.cores(),
                w.coresUsed(), w.memoryMb(), w.memoryUsedMb(), w.registeredAt(), w.lastHeartbeat(),
                w.driverIds().size(), w.executors().size(), w.decommissioning(), w.decommissionReason(),
                w.healthReason(), resources(w), w.isolation());
    }

    static DriverRow driver(DriverEntry entry, ClusterSnapshot snapshot, Instant now) {
        DriverView d = ApiViews.driver(entry, snapshot);
        return new DriverRow(d.driverId(), d.name(), d.state(), d.workerId(), address(snapshot, d.workerId()),
                d.cores(), d.memoryMb(), d.supervise(),
                d.submittedAt(), d.endedAt(), millis(d.submittedAt(), d.endedAt(), now), d.exitCode(), d.restarts(),
                submittedBy(d), d.queue(), d.waitingReason());
    }

    static ApplicationRow application(ApplicationEntry entry, ClusterSnapshot snapshot, Instant now) {
        return application(ApiViews.application(entry, snapshot), now);
    }

    static ApplicationRow application(ApplicationView a, Instant now) {
        int live = (int) a.executors().stream().filter(e -> !e.state().isTerminal()).count();
        return new ApplicationRow(a.appId(), a.name(), a.state(), a.coresGranted(), a.maxCores(),
                a.memoryPerExecutorMb(), live, a.driverId(), a.submittedAt(), a.endedAt(),
                millis(a.submittedAt(), a.endedAt(), now), submittedBy(a), a.queue(), a.waitingReason());
    }

    static ExecutorRow executor(ExecutorView e, ClusterSnapshot snapshot) {
        return new ExecutorRow(e.appId(), e.executorId(), e.workerId(), address(snapshot, e.workerId()),
                Links.http(e.workerUrl()), e.cores(),
                e.memoryMb(), e.state(), e.exitCode(), e.message(), e.launchedAt(), e.startedAt(), e.endedAt(),
                Links.executorLog(e.workerUrl(), e.appId(), e.executorId(), Links.STDOUT),
                Links.executorLog(e.workerUrl(), e.appId(), e.executorId(), Links.STDERR));
    }

    /** {@code gpu: 1 of 2 in use (0, 1)}: each custom resource with its addresses. */
    private static List<String> resources(WorkerView w) {
        return w.resources().entrySet().stream().map(r -> r.getKey() + ": "
                + w.resourcesUsed().getOrDefault(r.getKey(), List.of()).size() + " of " + r.getValue().size()
                + " in use (" + String.join(", ", r.getValue()) + ")").toList();
    }

    static String address(WorkerEntry worker) {
        return worker.host() + ":" + worker.port();
    }

    static String address(ClusterSnapshot snapshot, String workerId) {
        return workerId == null ? null : snapshot.worker(workerId).map(Rows::address).orElse(null);
    }

    /** From start to end, or to now while it has not ended; never negative (clocks of restarted masters). */
    static long millis(Instant start, Instant end, Instant now) {
        if (start == null) {
            return 0;
        }
        return Math.max(0, Duration.between(start, end != null ? end : now).toMillis());
    }

    // Who submitted: the one place the pages learn it (the name of the token behind the submission).

    static String submittedBy(DriverView driver) {
        return driver.submittedBy();
    }

    static String submittedBy(ApplicationView application) {
        return application.submittedBy();
    }
}
