package io.drover.master.web.view;

import io.drover.master.scheduling.QueueStats;
import io.drover.master.scheduling.SchedulingSettings;
import io.drover.master.scheduling.SchedulingView;
import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.Paths;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.WorkerState;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the overview page from a snapshot. Every worker is listed (they are what an operator scans for);
 * active and completed drivers and applications are capped, completed ones to the most recent, with their
 * totals, so the page stays fast with thousands retained. Pure.
 */
public final class OverviewViews {

    private OverviewViews() {
    }

    /**
     * @param activeLimit the most active drivers and applications listed (in submission order)
     * @param recentLimit the most completed drivers and applications listed (newest first)
     * @param scheduling the queues, for their table
     */
    public static OverviewPage overview(ClusterSnapshot s, Instant now, int activeLimit, int recentLimit,
            SchedulingSettings scheduling) {
        return new OverviewPage(summary(s),
                s.workers().values().stream().map(w -> Rows.worker(w, s)).toList(),
                new Listing<>(Newest.inOrder(s.applications(), 0, activeLimit).stream()
                        .map(a -> Rows.application(a, s, now)).toList(), s.applications().size()),
                new Listing<>(Newest.of(s.completedApplications(), 0, recentLimit).stream()
                        .map(a -> Rows.application(a, s, now)).toList(), s.completedApplications().size()),
                new Listing<>(Newest.inOrder(s.drivers(), 0, activeLimit).stream()
                        .map(d -> Rows.driver(d, s, now)).toList(), s.drivers().size()),
                new Listing<>(Newest.of(s.completedDrivers(), 0, recentLimit).stream()
                        .map(d -> Rows.driver(d, s, now)).toList(), s.completedDrivers().size()),
                QueueStats.of(SchedulingView.of(s), scheduling).stream().map(QueueRow::of).toList());
    }

    public static ClusterSummary summary(ClusterSnapshot s) {
        int cores = 0;
        int coresUsed = 0;
        long memory = 0;
        long memoryUsed = 0;
        for (WorkerEntry w : s.workers().values()) {
            if (w.acceptsWork()) {
                cores += w.total().cores();
                coresUsed += w.used().cores();
                memory += w.total().memoryMb();
                memoryUsed += w.used().memoryMb();
            }
        }
        Map<WorkerState, Integer> workers = count(s.workers().values(), WorkerEntry::state, WorkerState.class);
        Map<DriverState, Integer> active = count(s.drivers().values(), DriverEntry::state, DriverState.class);
        Map<DriverState, Integer> ended = count(s.completedDrivers().values(), DriverEntry::state, DriverState.class);
        int appsWaiting = count(s.applications().values(), ApplicationEntry::state, ApplicationState.class)
                .getOrDefault(ApplicationState.WAITING, 0);
        int driversWaiting = (int) s.drivers().values().stream().filter(DriverEntry::isWaiting).count();
        return new ClusterSummary(s.url(), s.url() + Paths.API, s.status(),
                workers.getOrDefault(WorkerState.ALIVE, 0), workers.getOrDefault(WorkerState.DEAD, 0),
                workers.getOrDefault(WorkerState.DECOMMISSIONED, 0), workers.getOrDefault(WorkerState.UNKNOWN, 0),
                cores, coresUsed, memory, memoryUsed,
                s.applications().size(), appsWaiting, s.completedApplications().size(),
                s.drivers().size(), driversWaiting, active.getOrDefault(DriverState.RELAUNCHING, 0),
                s.completedDrivers().size(), ended.getOrDefault(DriverState.KILLED, 0),
                ended.getOrDefault(DriverState.FAILED, 0), ended.getOrDefault(DriverState.ERROR, 0));
    }

    private static <E, S extends Enum<S>> Map<S, Integer> count(Collection<E> items, Function<E, S> state,
            Class<S> type) {
        Map<S, Integer> counts = new EnumMap<>(type);
        for (E item : items) {
            counts.merge(state.apply(item), 1, Integer::sum);
        }
        return counts;
    }
}
