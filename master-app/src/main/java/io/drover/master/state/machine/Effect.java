package io.drover.master.state.machine;

import io.drover.protocol.internal.KillDriver;
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

    /** Something changed that could let a waiting driver be placed. */
    record RequestSchedule() implements Effect {
    }

    static String driverKey(String driverId) {
        return "driver_" + driverId;
    }

    static String workerKey(String workerId) {
        return "worker_" + workerId;
    }
}
