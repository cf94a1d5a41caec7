package io.drover.master.scheduling;

import io.drover.master.scheduling.placement.FairShare;
import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.api.QueueView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queues as the API, the dashboard and the metrics show them: configured ones first, then any that only work
 * still names (a queue removed from the configuration keeps its work, with weight 1 and no limit). Pure.
 */
public final class QueueStats {

    private QueueStats() {
    }

    /** Every queue with the cores its drivers and live executors hold now. */
    static Map<QueueDefinition, Integer> held(SchedulingView state, SchedulingSettings settings) {
        Map<String, QueueDefinition> byName = new LinkedHashMap<>();
        settings.queues().forEach(q -> byName.put(q.name(), q));
        Map<String, Integer> held = new LinkedHashMap<>();
        for (DriverEntry d : state.activeDrivers().values()) {
            held.merge(queueOf(byName, d.queueing().queue()), Asks.coresHeld(d), Integer::sum);
        }
        for (ApplicationEntry app : state.activeApps().values()) {
            int cores = 0;
            for (ExecutorEntry e : app.executors().values()) {
                cores += e.isLive() ? e.cores() : 0;
            }
            held.merge(queueOf(byName, app.queueing().queue()), cores, Integer::sum);
        }
        Map<QueueDefinition, Integer> result = new LinkedHashMap<>();
        byName.values().forEach(q -> result.put(q, held.getOrDefault(q.name(), 0)));
        return result;
    }

    private static String queueOf(Map<String, QueueDefinition> byName, String name) {
        byName.computeIfAbsent(name, n -> new QueueDefinition(n, 1, null));
        return name;
    }

    /** Every queue with its share of the alive workers' cores and its work. */
    public static List<QueueView> of(SchedulingView state, SchedulingSettings settings) {
        Map<QueueDefinition, Integer> held = held(state, settings);
        Map<String, int[]> work = new LinkedHashMap<>(); // waiting drivers, waiting apps, drivers, apps
        held.keySet().forEach(q -> work.put(q.name(), new int[4]));
        for (DriverEntry d : state.activeDrivers().values()) {
            int[] counts = work.get(d.queueing().queue());
            counts[0] += d.isWaiting() ? 1 : 0;
            counts[2]++;
        }
        for (ApplicationEntry app : state.activeApps().values()) {
            int[] counts = work.get(app.queueing().queue());
            counts[1] += Asks.wantsMore(app) ? 1 : 0;
            counts[3]++;
        }
        Map<String, Integer> active = new LinkedHashMap<>();
        held.forEach((q, cores) -> {
            int[] counts = work.get(q.name());
            if (cores > 0 || counts[0] > 0 || counts[1] > 0) {
                active.put(q.name(), q.weight());
            }
        });
        int clusterCores = state.workers().values().stream().filter(WorkerEntry::acceptsWork)
                .mapToInt(w -> w.total().cores()).sum();
        Map<String, Double> shares = FairShare.of(active, clusterCores);
        List<QueueView> views = new ArrayList<>();
        held.forEach((q, cores) -> {
            int[] counts = work.get(q.name());
            views.add(new QueueView(q.name(), q.weight(), q.maxCores(), cores, shares.getOrDefault(q.name(), 0.0),
                    counts[0], counts[1], counts[2], counts[3]));
        });
        return views;
    }
}
