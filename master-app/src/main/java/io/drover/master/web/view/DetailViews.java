package io.drover.master.web.view;

import io.drover.master.api.ApiViews;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.master.state.model.ExecutorViews;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.command.CommandSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Builds the pages of one application, driver or worker; empty when the master does not know the id. Pure. */
public final class DetailViews {

    private DetailViews() {
    }

    public static Optional<ApplicationPage> application(ClusterSnapshot s, String appId, Instant now) {
        return s.application(appId).map(entry -> {
            ApplicationView a = ApiViews.application(entry, s);
            List<ExecutorRow> live = new ArrayList<>();
            List<ExecutorRow> ended = new ArrayList<>();
            // ApiViews lists live executors first, then ended ones newest first: keep that order.
            a.executors().forEach(e -> (e.state().isTerminal() ? ended : live).add(Rows.executor(e, s)));
            return new ApplicationPage(Rows.application(a, now), a.coresPerExecutor(), a.executorLimit(),
                    Links.http(a.driverUrl()), Links.http(a.webUiUrl()), a.message(), live, ended);
        });
    }

    public static Optional<DriverPage> driver(ClusterSnapshot s, String driverId, Instant now) {
        return s.driver(driverId).map(entry -> {
            DriverRow row = Rows.driver(entry, s, now);
            String workerUrl = row.workerId() == null ? null
                    : s.worker(row.workerId()).map(WorkerEntry::url).orElse(null);
            List<ApplicationRow> apps = Stream.concat(s.applications().values().stream(),
                            s.completedApplications().values().stream())
                    .filter(a -> driverId.equals(a.driverId()))
                    .map(a -> Rows.application(a, s, now)).toList();
            return new DriverPage(row, program(entry.description().command()), entry.description().appResource(),
                    entry.launchedAt(), entry.startedAt(), entry.message(), Links.http(workerUrl),
                    Links.driverLog(workerUrl, driverId, Links.STDOUT),
                    Links.driverLog(workerUrl, driverId, Links.STDERR), apps);
        });
    }

    /**
     * @param recentLimit the most ended drivers and executors listed, newest first
     */
    public static Optional<WorkerPage> worker(ClusterSnapshot s, String workerId, Instant now, int recentLimit) {
        return s.worker(workerId).map(w -> {
            List<DriverRow> drivers = w.driverIds().stream().map(s::driver).flatMap(Optional::stream)
                    .map(d -> Rows.driver(d, s, now)).toList();
            List<ExecutorRow> executors = executorsOn(s, workerId).filter(ExecutorEntry::isLive)
                    .sorted(Comparator.comparing(ExecutorEntry::launchedAt))
                    .map(e -> Rows.executor(ExecutorViews.of(e, w.url()), s)).toList();
            List<DriverEntry> endedDrivers = Newest.of(s.completedDrivers(), 0, Integer.MAX_VALUE).stream()
                    .filter(d -> workerId.equals(d.lastWorkerId())).toList();
            List<ExecutorEntry> endedExecutors = executorsOn(s, workerId).filter(e -> !e.isLive())
                    .sorted(Comparator.comparing(ExecutorEntry::endedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                    .toList();
            return new WorkerPage(Rows.worker(w, s), drivers, executors,
                    new Listing<>(endedDrivers.stream().limit(recentLimit).map(d -> Rows.driver(d, s, now)).toList(),
                            endedDrivers.size()),
                    new Listing<>(endedExecutors.stream().limit(recentLimit)
                            .map(e -> Rows.executor(ExecutorViews.of(e, w.url()), s)).toList(), endedExecutors.size()));
        });
    }

    private static Stream<ExecutorEntry> executorsOn(ClusterSnapshot s, String workerId) {
        return Stream.concat(s.applications().values().stream(), s.completedApplications().values().stream())
                .flatMap(a -> a.executors().values().stream())
                .filter(e -> workerId.equals(e.workerId()));
    }

    /** What a driver runs, without arguments or environment: those may carry secrets. */
    static String program(CommandSpec command) {
        return command.isJvm() ? command.mainClass() : command.executable();
    }
}
