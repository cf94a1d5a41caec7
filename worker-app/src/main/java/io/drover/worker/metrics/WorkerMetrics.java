package io.drover.worker.metrics;

import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import io.drover.worker.runner.RunnerRegistry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.drover.protocol.api.LocalDriverView;
import io.drover.protocol.api.LocalExecutorView;
import java.util.ArrayList;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The worker's Prometheus metrics ({@code /actuator/prometheus}): what runs, the cores and memory used and
 * free, and how processes ended. Everything is read from the runner registry when scraped; the launch
 * timer lives with the process launcher.
 */
@Component
class WorkerMetrics {

    private static final double MIB = 1024.0 * 1024.0;

    private final RunnerRegistry registry;
    private final MultiGauge residentMemory;

    WorkerMetrics(RunnerRegistry registry, MeterRegistry meters) {
        this.registry = registry;
        this.residentMemory = MultiGauge.builder("drover.worker.process.resident.memory")
                .description("Resident memory of each running driver's and executor's main process")
                .baseUnit("bytes").register(meters);
        gauge(meters, registry, "drover.worker.drivers.running", "Drivers running here", null,
                s -> s.running().size());
        gauge(meters, registry, "drover.worker.executors.running", "Executors running here", null,
                s -> s.runningExecutors().size());
        gauge(meters, registry, "drover.worker.cores.used", "Cores held by running drivers and executors", null,
                s -> s.used().cores());
        gauge(meters, registry, "drover.worker.cores.free", "Cores offered and not in use", null,
                s -> s.offered().cores() - s.used().cores());
        gauge(meters, registry, "drover.worker.memory.used", "Memory held by running drivers and executors",
                "bytes", s -> s.used().memoryMb() * MIB);
        gauge(meters, registry, "drover.worker.memory.free", "Memory offered and not in use", "bytes",
                s -> (s.offered().memoryMb() - s.used().memoryMb()) * MIB);
        for (DriverState state : DriverState.values()) {
            if (state.isTerminal()) {
                exits(meters, registry, "driver", state.name());
            }
        }
        for (ExecutorState state : ExecutorState.values()) {
            if (state.isTerminal()) {
                exits(meters, registry, "executor", state.name());
            }
        }
    }

    /**
     * One row per running process, refreshed on a schedule rather than per scrape: reading {@code /proc}
     * for hundreds of processes belongs off the scrape's request thread. Rows of ended processes go away.
     */
    @Scheduled(fixedDelay = 5000, initialDelay = 1000)
    void refreshResidentMemory() {
        RunnerRegistry.Snapshot snapshot = registry.snapshot();
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (LocalDriverView driver : snapshot.running()) {
            row(rows, "driver", driver.driverId(), driver.pid());
        }
        for (LocalExecutorView executor : snapshot.runningExecutors()) {
            row(rows, "executor", executor.appId() + "/" + executor.executorId(), executor.pid());
        }
        residentMemory.register(rows, true);
    }

    private static void row(List<MultiGauge.Row<?>> rows, String kind, String id, Long pid) {
        if (pid == null) {
            return;
        }
        ResidentMemory.bytesOf(pid).ifPresent(bytes ->
                rows.add(MultiGauge.Row.of(Tags.of("kind", kind, "id", id), bytes)));
    }

    private static void gauge(MeterRegistry meters, RunnerRegistry registry, String name, String description,
            String baseUnit, ToDoubleFunction<RunnerRegistry.Snapshot> read) {
        Gauge.builder(name, registry, r -> read.applyAsDouble(r.snapshot()))
                .description(description).baseUnit(baseUnit).register(meters);
    }

    private static void exits(MeterRegistry meters, RunnerRegistry registry, String kind, String state) {
        FunctionCounter.builder("drover.worker.process.exits", registry, r -> r.exits(kind, state))
                .description("Drivers and executors that ended here, by kind and final state")
                .tag("kind", kind).tag("state", state).register(meters);
    }
}
