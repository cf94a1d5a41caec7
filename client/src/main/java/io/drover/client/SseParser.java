package io.drover.client;

import java.util.Optional;

/**
 * Reads a Server-Sent Events stream line by line, as the WHATWG HTML standard's "event stream
 * interpretation" says: {@code field: value} lines build an event, one leading space of the value is
 * dropped, {@code data} lines are joined with {@code \n}, lines starting with {@code :} are comments, a
 * blank line dispatches the event (nothing when it has no data), and unknown fields are ignored. Not
 * thread-safe: one parser per stream.
 */
final class SseParser {

    /** One dispatched event: {@code event} is {@code "message"} when the stream named none; {@code id} may be null. */
    record Event(String event, String id, String data) {
    }

    private final StringBuilder data = new StringBuilder();
    private String eventName = "";
    private String lastEventId;
    private boolean hasData;
    private boolean first = true;

    /** Feeds one line (without its line terminator); returns the event a blank line completes, if any. */
    Optional<Event> line(String line) {
        if (first) {
            first = false;
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
        }
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.charAt(0) == ':') {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> eventName = value;
            case "data" -> {
                data.append(value).append('\n');
                hasData = true;
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
            }
            default -> {
                // "retry" and unknown fields: nothing to do for this client.
            }
        }
        return Optional.empty();
    }

    /** The id of the last event that set one (it carries over to later events, as in the standard). */
    String lastEventId() {
        return lastEventId;
    }

    private Optional<Event> dispatch() {
        String name = eventName.isEmpty() ? "message" : eventName;
        eventName = "";
        if (!hasData) {
            data.setLength(0);
            return Optional.empty();
        }
        hasData = false;
        String text = data.substring(0, data.length() - 1);
        data.setLength(0);
        return Optional.of(new Event(name, lastEventId, text));
    }
}
