package io.drover.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared fragments render plain values the way every page shows them, whatever the locale. */
class FragmentsTest {

    @Test
    void aStateBadgeCarriesItsColourClass() {
        assertThat(render(Map.of("state", "FAILED"))).contains("<span class=\"state state-FAILED\">FAILED</span>");
    }

    @ParameterizedTest(name = "{0} MiB is {1}")
    @CsvSource({"0, 0 MiB", "512, 512 MiB", "1023, 1023 MiB", "1024, 1.0 GiB", "1536, 1.5 GiB", "16384, 16.0 GiB",
            "2097152, 2.0 TiB"})
    void memoryReadsInMibGibOrTib(long mb, String shown) {
        assertThat(render(Map.of("mb", mb))).contains("<p id=\"mb\"><span>" + shown + "</span></p>");
    }

    @ParameterizedTest(name = "{0} bytes is {1}")
    @CsvSource({"0, 0 B", "850, 850 B", "12595, 12.3 KiB", "1572864, 1.5 MiB", "2147483648, 2.0 GiB"})
    void byteCountsReadInBinaryUnits(long bytes, String shown) {
        assertThat(render(Map.of("bytes", bytes))).contains("<p id=\"bytes\"><span>" + shown + "</span></p>");
    }

    @ParameterizedTest(name = "{0} ms is {1}")
    @CsvSource({"850, 850 ms", "24000, 24 s", "132000, 2.2 min", "5400000, 1.5 h", "259200000, 3.0 d"})
    void durationsAreWordedLikeSpark(long millis, String shown) {
        assertThat(render(Map.of("millis", millis))).contains("<span class=\"duration\">" + shown + "</span>");
    }

    @Test
    void aRunningDurationCarriesItsStartForTheBrowserToTick() {
        String html = render(Map.of("millis", 24000L, "since", Instant.parse("2026-11-22T08:10:06.5Z")));

        assertThat(html).contains("<span class=\"duration\" data-since=\"2026-11-22T08:10:06.500Z\">24 s</span>");
    }

    @Test
    void aTimeIsUtcTextWithAMachineReadableInstant() {
        String html = render(Map.of("instant", Instant.parse("2026-11-22T08:10:06.123456789Z")));

        assertThat(html).contains(
                "<time datetime=\"2026-11-22T08:10:06.123Z\">2026-11-22 08:10:06 UTC</time>");
    }

    @Test
    void noTimeIsADash() {
        assertThat(render(Map.of())).contains("<p id=\"time\"><span class=\"muted\">—</span></p>");
    }

    @Test
    void aResourceBarShowsTheShareUsedCappedAtAHundred() {
        assertThat(render(Map.of("used", 3, "total", 4, "shown", 0))).contains("data-fill=\"75\"").contains(">75%<");
        assertThat(render(Map.of("used", 9, "total", 4, "shown", 0))).contains("bar-fill full").contains(">100%<");
        assertThat(render(Map.of("used", 0, "total", 0, "shown", 0))).contains(">0%<");
    }

    @Test
    void aKillButtonPostsToItsUrlAndAsksFirst() {
        String html = render(Map.of("killUrl", "/drivers/driver-20261122080000-0001/kill",
                "killLabel", "Kill driver <x>"));

        assertThat(html)
                .contains("<form class=\"inline-action\" method=\"post\" "
                        + "action=\"/drivers/driver-20261122080000-0001/kill\" data-confirm=\"Kill driver &lt;x&gt;?\">")
                .contains("<input type=\"hidden\" name=\"confirmed\" value=\"\">")
                .contains("aria-label=\"Kill driver &lt;x&gt;\">Kill</button>");
    }

    @Test
    void anEmptyTableSaysSoInARowThatNeverSorts() {
        assertThat(render(Map.of())).contains("<tr class=\"empty-row\" data-sort-fixed>")
                .contains("<td class=\"empty\" colspan=\"4\">No workers yet.</td>");
    }

    @Test
    void aTruncatedTableLinksToTheFullListOnlyWhenRowsAreMissing() {
        assertThat(render(Map.of("shown", 100, "total", 5000)))
                .contains("Showing the <span>100</span> most recent of <span>5000</span>.")
                .contains("<a href=\"/applications?state=completed\">All completed applications</a>");
        assertThat(render(Map.of("shown", 3, "total", 3))).contains("<div id=\"truncated\"></div>");
    }

    @Test
    void aPagerLinksToTheNeighbouringPages() {
        Map<String, Object> page = new HashMap<>(Map.of("number", 2, "totalPages", 50, "total", 5000, "first", 101,
                "last", 200, "previousHref", "/drivers?page=1"));
        page.put("nextHref", null);

        String html = render(Map.of("page", page));

        assertThat(html).contains("<a href=\"/drivers?page=1\" rel=\"prev\">")
                .contains("101–200 of 5000 (page 2 of 50)")
                .contains("<span class=\"disabled\">Older");
    }

    private static String render(Map<String, Object> values) {
        Map<String, Object> model = new HashMap<>(Map.of("shown", 1, "total", 1, "page",
                Map.of("number", 1, "totalPages", 1, "total", 0, "first", 0, "last", 0)));
        model.putAll(values);
        // Attributes of a fragment's root may wrap; compare the markup, not the line breaks.
        return Templates.render("drover-test/fragments", model).replaceAll("\\s+", " ");
    }
}
