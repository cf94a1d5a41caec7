package io.drover.master.state.machine;

import io.drover.protocol.api.ApplicationEvent;
import io.drover.protocol.internal.ApplicationFinished;
import io.drover.protocol.internal.DecommissionWorker;
import io.drover.protocol.internal.KillDriver;
import io.drover.protocol.internal.KillExecutor;
import io.drover.protocol.internal.LaunchDriver;
import io.drover.protocol.internal.LaunchExecutor;
import io.drover.protocol.internal.MasterChanged;

/**
 * What a command asks the world to do, as data. Effects leave the state store only after the batch that
 * decided them is durable, and off its thread. Every kind has exactly one route, registered with the store
 * at start-up; the store refuses to start while a kind has none, so a new effect cannot be forgotten.
 * (What must be stored is not an effect: the state marks what it changed, and the store writes it.)
 */
public sealed interface Effect {

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

    /** Tells a worker an admin decommissions it: it should take no launch, let its drivers end and leave. */
    record SendDecommissionWorker(String workerId, String workerUrl, DecommissionWorker message) implements Effect {
    }

    /** Tells a worker that this master took over; it answers by registering with its inventory. */
    record SendMasterChanged(String workerId, String workerUrl, MasterChanged message) implements Effect {
    }

    /** An event for the application's subscribers; {@code last} when the application has ended. */
    record PublishEvent(ApplicationEvent event, boolean last) implements Effect {
    }

    /** This master stopped leading: every open event stream ends, and its clients go to the new leader. */
    record EndEventStreams(String reason) implements Effect {
    }

    /** Something changed that could let a waiting driver or application be placed. */
    record RequestSchedule() implements Effect {
    }
}
