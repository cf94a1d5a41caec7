package io.drover.protocol.api;

import java.util.Locale;

/** What an {@link ApplicationEvent} says happened. */
public enum ApplicationEventType {
    EXECUTOR_ADDED, EXECUTOR_UPDATED, EXECUTOR_REMOVED, APPLICATION_STATE;

    /** The SSE event name: {@code executor-added}, …, {@code application-state}. */
    public String eventName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
