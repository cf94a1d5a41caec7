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
 * The clock-driven commands: the safety-net scheduling round ({@code schedule-interval}; rounds also run on
 * demand) and the check for silent workers. Both only send commands; the store decides.
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
        tasks.add(scheduler.scheduleWithFixedDelay(store::requestRound, properties.scheduleInterval()));
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
