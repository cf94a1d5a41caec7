package io.drover.master.state;

import io.drover.master.config.MasterProperties;
import io.drover.master.state.machine.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The check for silent workers, every {@code worker-timeout / 4} (at most every second). It only sends a
 * command; the store decides. A task scheduler rather than {@code @Scheduled}, because the interval is
 * derived from a configured duration.
 */
@Component
class StateTimers implements SmartLifecycle {

    private final ClusterStateStore store;
    private final MasterProperties properties;
    private final TaskScheduler scheduler;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

    StateTimers(ClusterStateStore store, MasterProperties properties, TaskScheduler scheduler) {
        this.store = store;
        this.properties = properties;
        this.scheduler = scheduler;
    }

    @Override
    public synchronized void start() {
        tasks.add(scheduler.scheduleWithFixedDelay(() -> store.submit(new Command.CheckWorkersCommand()),
                properties.timeoutCheckInterval()));
    }

    @Override
    public synchronized void stop() {
        tasks.forEach(task -> task.cancel(false));
        tasks.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !tasks.isEmpty();
    }
}
