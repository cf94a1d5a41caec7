package io.drover.client;

import io.drover.protocol.api.ApplicationEvent;
import io.drover.protocol.api.ApplicationEventType;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one Server-Sent Event of an application's stream into an {@link ApplicationEvent}. The SSE event
 * name says the type ({@link ApplicationEventType#eventName()}) and the SSE id the sequence; either fills
 * in what the JSON leaves out. Events with a name this client does not know are skipped, so a newer
 * master may add kinds of events.
 */
final class EventDecoder {

    private final ObjectReader reader;
    private final String appId;

    EventDecoder(JsonMapper json, String appId) {
        // A missing sequence reads as 0 (then the SSE id fills it in) instead of failing the stream.
        this.reader = json.readerFor(ApplicationEvent.class).without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        this.appId = appId;
    }

    Optional<ApplicationEvent> decode(SseParser.Event sse) {
        ApplicationEventType named = typeNamed(sse.event());
        if (named == null && !"message".equals(sse.event())) {
            return Optional.empty();
        }
        ApplicationEvent event;
        try {
            event = reader.readValue(sse.data());
        } catch (JacksonException e) {
            throw new DroverClientException("the event stream of " + appId + " sent a " + sse.event()
                    + " event that is not an ApplicationEvent: " + e.getOriginalMessage(), e);
        }
        if (event == null) {
            return Optional.empty();
        }
        ApplicationEventType type = named != null ? named : event.type();
        if (type == null) {
            return Optional.empty();
        }
        long sequence = event.sequence();
        if (sequence == 0 && sse.id() != null) {
            sequence = parseId(sse.id());
        }
        if (type == event.type() && sequence == event.sequence() && event.appId() != null) {
            return Optional.of(event);
        }
        return Optional.of(new ApplicationEvent(type, sequence, event.appId() != null ? event.appId() : appId,
                event.executor(), event.state(), event.message()));
    }

    private static ApplicationEventType typeNamed(String name) {
        for (ApplicationEventType type : ApplicationEventType.values()) {
            if (type.eventName().equals(name)) {
                return type;
            }
        }
        return null;
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
