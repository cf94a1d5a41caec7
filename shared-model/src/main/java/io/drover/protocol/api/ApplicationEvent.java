package io.drover.protocol.api;

import io.drover.protocol.state.ApplicationState;

/**
 * One message of {@code GET /api/v1/applications/{appId}/events} (Server-Sent Events; the SSE event name
 * is {@link ApplicationEventType#eventName()} and the SSE id is {@code sequence}). Executor events carry
 * the executor as it is now; application events carry the new state.
 *
 * @param sequence increases by one per event of this application, so a client can see a gap
 */
public record ApplicationEvent(
        ApplicationEventType type,
        long sequence,
        String appId,
        ExecutorView executor,
        ApplicationState state,
        String message) {
}
