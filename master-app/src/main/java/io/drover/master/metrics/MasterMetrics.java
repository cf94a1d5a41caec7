package io.drover.master.metrics;

import io.drover.master.scheduling.SchedulingSettings;
import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.machine.Command;
import io.drover.master.state.machine.Effect;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.api.ApplicationEventType;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import io.drover.protocol.state.WorkerState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The master's Prometheus metrics ({@code /actuator/prometheus}, names with the {@code drover_} prefix and
 * base units). Gauges read the published snapshot when scraped; counters and timers follow the state
 * store's commands and effects, so nothing here touches master state.
 */
@Component
class MasterMetrics {

    private static final double MIB = 1024.0 * 1024.0;

    private final ClusterStateStore store;
    private final Clock clock;
    private final Timer schedulingRound;
    private final Timer submitToLaunch;
    private final Counter executorsLaunched;
    private final Counter executorsFailed;
    private final Counter heartbeats;
    private final QueueGauges queues;

    MasterMetrics(ClusterStateStore store, MeterRegistry registry, Clock clock, SchedulingSettings scheduling) {
        this.store = store;
        this.clock = clock;
        this.queues = new QueueGauges(store, scheduling);
        queues.register(registry);
        gauge(registry, "drover.workers.unhealthy", "Alive workers left out of placement for their own problem", null,
                null, s -> s.workers().values().stream().filter(w -> w.acceptsWork() && !w.health().healthy()).count());
        gauge(registry, "drover.workers.decommissioning", "Alive workers being decommissioned", null, null,
                s -> s.workers().values().stream().filter(WorkerEntry::isDraining).count());
        for (WorkerState state : WorkerState.values()) {
            gauge(registry, "drover.workers", "Workers by state", "state", state.name(),
                    s -> s.workers().values().stream().filter(w -> w.state() == state).count());
        }
        for (DriverState state : DriverState.values()) {
            gauge(registry, "drover.drivers", "Drivers by state (ended ones while retained)", "state", state.name(),
                    s -> Stream.concat(s.drivers().values().stream(), s.completedDrivers().values().stream())
                            .filter(d -> d.state() == state).count());
        }
        for (ApplicationState state : ApplicationState.values()) {
            gauge(registry, "drover.applications", "Applications by state (ended ones while retained)", "state",
                    state.name(), s -> Stream.concat(s.applications().values().stream(),
                            s.completedApplications().values().stream()).filter(a -> a.state() == state).count());
        }
        gauge(registry, "drover.cores.offered", "Cores offered by alive workers", null, null,
                s -> alive(s).mapToInt(w -> w.total().cores()).sum());
        gauge(registry, "drover.cores.used", "Cores in use on alive workers", null, null,
                s -> alive(s).mapToInt(w -> w.used().cores()).sum());
        Gauge.builder("drover.memory.offered", this, m -> alive(m.store.snapshot())
                        .mapToLong(w -> w.total().memoryMb()).sum() * MIB)
                .description("Memory offered by alive workers").baseUnit("bytes").register(registry);
        Gauge.builder("drover.memory.used", this, m -> alive(m.store.snapshot())
                        .mapToLong(w -> w.used().memoryMb()).sum() * MIB)
                .description("Memory in use on alive workers").baseUnit("bytes").register(registry);
        gauge(registry, "drover.drivers.waiting", "Drivers waiting for a worker", null, null,
                s -> s.drivers().values().stream().filter(DriverEntry::isWaiting).count());
        gauge(registry, "drover.applications.waiting", "Applications that still want cores and have no executor",
                null, null, s -> s.applications().values().stream()
                        .filter(a -> a.state() == ApplicationState.WAITING).count());
        schedulingRound = Timer.builder("drover.scheduling.round").description("Time to apply one placement round")
                .register(registry);
        submitToLaunch = Timer.builder("drover.driver.submit.to.launch")
                .description("From a driver's submission to the master sending it to a worker").register(registry);
        executorsLaunched = Counter.builder("drover.executors.launched").description("Executors placed on workers")
                .register(registry);
        executorsFailed = Counter.builder("drover.executors.failed")
                .description("Executors that ended FAILED (a non-zero exit or a failed launch)").register(registry);
        heartbeats = Counter.builder("drover.heartbeats.received").description("Worker heartbeats received")
                .register(registry);
        store.onApplied(this::applied);
        store.observeEffects(this::effects);
    }

    private void applied(Command<?> command, long nanos) {
        if (command instanceof Command.ScheduleCommand) {
            schedulingRound.record(Duration.ofNanos(nanos));
        } else if (command instanceof Command.HeartbeatCommand) {
            heartbeats.increment();
        }
    }

    private void effects(List<Effect> effects) {
        ClusterSnapshot snapshot = store.snapshot();
        for (Effect effect : effects) {
            if (effect instanceof Effect.SendLaunchDriver launch) {
                snapshot.driver(launch.message().driverId()).ifPresent(d ->
                        submitToLaunch.record(Duration.between(d.submittedAt(), clock.instant())));
            } else if (effect instanceof Effect.PublishEvent publish && publish.event().executor() != null) {
                if (publish.event().type() == ApplicationEventType.EXECUTOR_ADDED) {
                    executorsLaunched.increment();
                } else if (publish.event().type() == ApplicationEventType.EXECUTOR_REMOVED
                        && publish.event().executor().state() == ExecutorState.FAILED) {
                    executorsFailed.increment();
                }
            }
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, String tag, String value,
            ToDoubleFunction<ClusterSnapshot> read) {
        Gauge.Builder<MasterMetrics> builder = Gauge.builder(name, this, m -> read.applyAsDouble(m.store.snapshot()))
                .description(description);
        if (tag != null) {
            builder.tag(tag, value);
        }
        builder.register(registry);
    }

    private static Stream<WorkerEntry> alive(ClusterSnapshot snapshot) {
        return snapshot.workers().values().stream().filter(WorkerEntry::acceptsWork);
    }
}
