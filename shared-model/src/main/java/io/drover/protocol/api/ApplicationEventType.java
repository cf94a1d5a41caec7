package io.drover.protocol.api;

import java.util.Locale;

/**
 * What an {@link ApplicationEvent} says happened. {@code MASTER_CHANGED}: a master took over the cluster
 * (after a restart or a failover) and is recovering its state; executors keep running.
 */
public enum ApplicationEventType {
    EXECUTOR_ADDED, EXECUTOR_UPDATED, EXECUTOR_REMOVED, APPLICATION_STATE, MASTER_CHANGED;

    /** The SSE event name: {@code executor-added}, …, {@code application-state}. */
    public String eventName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
