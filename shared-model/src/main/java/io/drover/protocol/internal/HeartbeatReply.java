package io.drover.protocol.internal;

import java.util.List;

/**
 * {@code reconnect}: the master does not know this worker (or it was declared dead), so the worker must
 * register again. {@code killDriverIds} and {@code killExecutors}: drivers and executors the worker runs that the master
 * has not given it. {@code decommissioned}: the master is decommissioning this worker (or has): it gets no new
 * work and should take no launch, let its drivers end and leave; it must not register again under its id.
 */
public record HeartbeatReply(boolean reconnect, List<String> killDriverIds, List<String> killExecutors,
        Boolean decommissioned) {

    public static final HeartbeatReply OK = new HeartbeatReply(false, List.of(), List.of());
    public static final HeartbeatReply RECONNECT = new HeartbeatReply(true, List.of(), List.of());
    public static final HeartbeatReply DECOMMISSIONED = new HeartbeatReply(false, List.of(), List.of(), true);

    /** {@code decommissioned} is boxed and defaulted, so a reply from an earlier master still reads. */
    public HeartbeatReply {
        decommissioned = decommissioned != null && decommissioned;
        killDriverIds = killDriverIds == null ? List.of() : List.copyOf(killDriverIds);
        killExecutors = killExecutors == null ? List.of() : List.copyOf(killExecutors);
    }

    public HeartbeatReply(boolean reconnect, List<String> killDriverIds, List<String> killExecutors) {
        this(reconnect, killDriverIds, killExecutors, false);
    }
}
