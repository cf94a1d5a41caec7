package io.drover.protocol.internal;

import java.util.List;

/**
 * The master's welcome: the URL and leader epoch the worker must follow from now on, how often to
 * heartbeat, and drivers the worker reported that it must kill because the master no longer gives them
 * to it.
 *
 * @param masterInternalUrl where the master takes heartbeats and state reports, on a connector of its own;
 *     null from a master that takes them at {@code masterUrl}
 */
public record RegisterWorkerReply(String masterUrl, long epoch, long heartbeatIntervalMs, List<String> killDriverIds,
        List<String> killExecutors, String masterInternalUrl) {

    public RegisterWorkerReply {
        killDriverIds = killDriverIds == null ? List.of() : List.copyOf(killDriverIds);
        killExecutors = killExecutors == null ? List.of() : List.copyOf(killExecutors);
    }

    /** A reply without an internal URL: the worker reports to {@code masterUrl}. */
    public RegisterWorkerReply(String masterUrl, long epoch, long heartbeatIntervalMs, List<String> killDriverIds,
            List<String> killExecutors) {
        this(masterUrl, epoch, heartbeatIntervalMs, killDriverIds, killExecutors, null);
    }

    public RegisterWorkerReply withMasterInternalUrl(String url) {
        return new RegisterWorkerReply(masterUrl, epoch, heartbeatIntervalMs, killDriverIds, killExecutors, url);
    }
}
