package io.drover.protocol.internal;

import java.util.List;

/**
 * The master's welcome: the URL and leader epoch the worker must follow from now on, how often to
 * heartbeat, and drivers the worker reported that it must kill because the master no longer gives them
 * to it.
 */
public record RegisterWorkerReply(String masterUrl, long epoch, long heartbeatIntervalMs, List<String> killDriverIds,
        List<String> killExecutors) {

    public RegisterWorkerReply {
        killDriverIds = killDriverIds == null ? List.of() : List.copyOf(killDriverIds);
        killExecutors = killExecutors == null ? List.of() : List.copyOf(killExecutors);
    }
}
