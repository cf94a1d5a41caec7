package io.drover.master.state.machine;

import io.drover.protocol.api.ApplicationEvent;
import io.drover.protocol.internal.ApplicationFinished;
import io.drover.protocol.internal.KillDriver;
import io.drover.protocol.internal.KillExecutor;
import io.drover.protocol.internal.LaunchExecutor;
import io.drover.protocol.internal.LaunchDriver;

/**
 * What a command asks the world to do, as data. Store effects run on the inbox thread before the sender
 * hears back, so an acknowledged change is durable; send effects run afterwards, off the inbox thread.
 */
public sealed interface Effect {

    /** Durable-state effects, applied in order before the reply. */
    sealed interface StoreEffect extends Effect {
    }

    record Persist(String key, Object record) implements StoreEffect {
    }

    record Unpersist(String key) implements StoreEffect {
    }

    record SendLaunchDriver(String workerId, String workerUrl, LaunchDriver message) implements Effect {
    }

    record SendKillDriver(String workerId, String workerUrl, String driverId, KillDriver message) implements Effect {
    }

    record SendLaunchExecutor(String workerId, String workerUrl, LaunchExecutor message) implements Effect {
    }

    record SendKillExecutor(String workerId, String workerUrl, String appId, int executorId, KillExecutor message)
            implements Effect {
    }

    record SendApplicationFinished(String workerId, String workerUrl, String appId, ApplicationFinished message)
            implements Effect {
    }

    /** An event for the application's subscribers; {@code last} when the application has ended. */
    record PublishEvent(ApplicationEvent event, boolean last) implements Effect {
    }

    /** Something changed that could let a waiting driver or application be placed. */
    record RequestSchedule() implements Effect {
    }

    static String driverKey(String driverId) {
        return "driver_" + driverId;
    }

    static String appKey(String appId) {
        return "app_" + appId;
    }

    static String workerKey(String workerId) {
        return "worker_" + workerId;
    }
}
