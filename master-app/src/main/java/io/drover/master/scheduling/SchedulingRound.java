package io.drover.master.scheduling;

import io.drover.master.scheduling.placement.AppAsk;
import io.drover.master.scheduling.placement.DriverAsk;
import io.drover.master.scheduling.placement.Placement;
import io.drover.master.scheduling.placement.PlacementInput;
import io.drover.master.scheduling.placement.PlacementPipeline;
import io.drover.master.scheduling.placement.PlacementRules;
import io.drover.master.scheduling.placement.QueueState;
import io.drover.master.scheduling.placement.WorkerOffer;
import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.WorkerEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One placement round (DESIGN.md §3, issue 14): reads the alive workers, the waiting drivers and the applications
 * that want executors from the master's state, with the queues and what they hold, and asks the
 * {@link PlacementPipeline} where things go and why the rest waits. It decides and changes nothing: the state
 * machine applies the decisions. No Spring, no I/O; called on the state thread.
 */
public final class SchedulingRound {

    private static final Placement NOTHING = new Placement(List.of(), List.of(), Map.of(), Map.of());

    private final SchedulingSettings settings;

    public SchedulingRound(SchedulingSettings settings) {
        this.settings = settings;
    }

    public SchedulingSettings settings() {
        return settings;
    }

    /** @param seed seeds the shuffle of the workers for drivers (Spark shuffles them every round) */
    public Placement plan(SchedulingView state, long seed) {
        List<DriverAsk> drivers = new ArrayList<>();
        int launched = 0;
        for (DriverEntry d : state.activeDrivers().values()) {
            if (d.isWaiting()) {
                drivers.add(Asks.driver(d));
            } else if (d.workerId() != null) {
                launched++;
            }
        }
        List<AppAsk> apps = new ArrayList<>(state.activeApps().size());
        boolean appsWant = false;
        for (ApplicationEntry app : state.activeApps().values()) {
            AppAsk ask = Asks.app(app);
            apps.add(ask);
            appsWant |= ask.wantsMore();
        }
        if (drivers.isEmpty() && !appsWant) {
            // Nothing to place and nothing to explain: most rounds of a busy cluster (every worker that
            // registers or frees cores asks for one) need not look at thousands of workers.
            return NOTHING;
        }
        List<WorkerOffer> workers = new ArrayList<>();
        int clusterCores = 0;
        for (WorkerEntry w : state.workers().values()) {
            if (w.acceptsWork()) {
                workers.add(Asks.offer(w));
                clusterCores += w.total().cores();
            }
        }
        List<QueueState> queues = QueueStats.held(state, settings).entrySet().stream()
                .map(q -> new QueueState(q.getKey().name(), q.getKey().weight(), q.getKey().maxCores(), q.getValue()))
                .toList();
        PlacementRules rules = new PlacementRules(settings.maxDrivers() == null ? Integer.MAX_VALUE
                : settings.maxDrivers(), launched, settings.spreadOutDrivers(), settings.spreadOut(), settings.policy(),
                clusterCores);
        return PlacementPipeline.place(new PlacementInput(workers, drivers, apps, queues, rules, seed));
    }
}
