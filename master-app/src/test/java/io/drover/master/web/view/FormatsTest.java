package io.drover.master.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The big tables' words match the shared fragments' (frontend's FragmentsTest has the same cases). */
class FormatsTest {

    @ParameterizedTest(name = "{0} MiB is {1}")
    @CsvSource({"0, 0 MiB", "512, 512 MiB", "1023, 1023 MiB", "1024, 1.0 GiB", "1536, 1.5 GiB", "16384, 16.0 GiB",
            "2097152, 2.0 TiB"})
    void memoryReadsInMibGibOrTib(long mb, String shown) {
        assertThat(Formats.mib(mb)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} ms is {1}")
    @CsvSource({"850, 850 ms", "24000, 24 s", "132000, 2.2 min", "5400000, 1.5 h", "259200000, 3.0 d"})
    void durationsAreWordedLikeSpark(long millis, String shown) {
        assertThat(Formats.duration(millis)).isEqualTo(shown);
    }

    @Test
    void timesAreUtcTextAndMillisecondIso() {
        Instant at = Instant.parse("2026-11-22T08:10:06.123456789Z");

        assertThat(Formats.utc(at)).isEqualTo("2026-11-22 08:10:06 UTC");
        assertThat(Formats.iso(at)).isEqualTo("2026-11-22T08:10:06.123Z");
        assertThat(Moment.of(at).epochMillis()).isEqualTo(at.toEpochMilli());
        assertThat(Moment.of(null)).isNull();
    }
}
