package io.drover.master.metrics;

import io.drover.master.scheduling.QueueDefinition;
import io.drover.master.scheduling.QueueStats;
import io.drover.master.scheduling.SchedulingSettings;
import io.drover.master.scheduling.SchedulingView;
import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.protocol.api.QueueView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The configured queues' gauges, tagged {@code queue}: cores held, fair share, waiting work. The queues' figures
 * are computed once per published snapshot, however many gauges a scrape reads.
 */
final class QueueGauges {

    private record Computed(ClusterSnapshot snapshot, Map<String, QueueView> byName) {
    }

    private final ClusterStateStore store;
    private final SchedulingSettings scheduling;
    private volatile Computed last;

    QueueGauges(ClusterStateStore store, SchedulingSettings scheduling) {
        this.store = store;
        this.scheduling = scheduling;
    }

    void register(MeterRegistry registry) {
        for (QueueDefinition queue : scheduling.queues()) {
            gauge(registry, "drover.queue.cores.held", "Cores held by a queue's drivers and executors", queue.name(),
                    QueueView::coresHeld);
            gauge(registry, "drover.queue.fair.share.cores",
                    "A queue's weighted share of the alive workers' cores (0 while it has no work)", queue.name(),
                    QueueView::fairShareCores);
            gauge(registry, "drover.queue.drivers.waiting", "A queue's drivers waiting for a worker", queue.name(),
                    QueueView::waitingDrivers);
            gauge(registry, "drover.queue.applications.waiting", "A queue's applications that want more cores",
                    queue.name(), QueueView::waitingApplications);
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, String queue,
            ToDoubleFunction<QueueView> read) {
        Gauge.builder(name, this, g -> {
            QueueView view = g.current().get(queue);
            return view == null ? 0 : read.applyAsDouble(view);
        }).description(description).tag("queue", queue).register(registry);
    }

    private Map<String, QueueView> current() {
        ClusterSnapshot snapshot = store.snapshot();
        Computed computed = last;
        if (computed == null || computed.snapshot() != snapshot) {
            computed = new Computed(snapshot, QueueStats.of(SchedulingView.of(snapshot), scheduling).stream()
                    .collect(Collectors.toMap(QueueView::name, q -> q)));
            last = computed;
        }
        return computed.byName();
    }
}
