package io.drover.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private final SseParser parser = new SseParser();

    @Test
    void aBlankLineDispatchesTheNamedEventWithItsId() {
        assertThat(feed("event: executor-added", "id: 7", "data: {\"a\":1}", ""))
                .containsExactly(new SseParser.Event("executor-added", "7", "{\"a\":1}"));
    }

    @Test
    void joinsDataLinesWithNewlinesAndDropsOnlyOneLeadingSpace() {
        assertThat(feed("data: {", "data:   \"a\": 1", "data:}", ""))
                .containsExactly(new SseParser.Event("message", null, "{\n  \"a\": 1\n}"));
    }

    @Test
    void ignoresCommentsRetryAndUnknownFields() {
        assertThat(feed(": keep-alive", "retry: 3000", "whatever: x", "event: application-state", "data: x", ""))
                .containsExactly(new SseParser.Event("application-state", null, "x"));
    }

    @Test
    void anEventWithoutDataIsNotDispatchedAndItsNameDoesNotLeak() {
        assertThat(feed("event: executor-removed", "id: 3", "", "data: y", ""))
                .as("the id carries over, the name does not")
                .containsExactly(new SseParser.Event("message", "3", "y"));
    }

    @Test
    void aFieldWithoutAColonHasAnEmptyValue() {
        assertThat(feed("data", "data", "")).containsExactly(new SseParser.Event("message", null, "\n"));
    }

    @Test
    void theIdCarriesOverUntilChanged() {
        assertThat(feed("id: 1", "data: a", "", "data: b", "", "id: 2", "data: c", ""))
                .extracting(SseParser.Event::id).containsExactly("1", "1", "2");
        assertThat(parser.lastEventId()).isEqualTo("2");
    }

    @Test
    void skipsAByteOrderMarkAtTheStart() {
        assertThat(feed("\uFEFFevent: a", "data: 1", "")).containsExactly(new SseParser.Event("a", null, "1"));
    }

    @Test
    void anUnfinishedEventAtTheEndIsNeverDispatched() {
        assertThat(feed("event: a", "data: 1")).isEmpty();
    }

    private List<SseParser.Event> feed(String... lines) {
        List<SseParser.Event> events = new ArrayList<>();
        for (String line : lines) {
            parser.line(line).ifPresent(events::add);
        }
        return events;
    }
}
