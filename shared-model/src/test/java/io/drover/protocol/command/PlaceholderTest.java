package io.drover.protocol.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholderTest {

    @Test
    void knownTokensAreReplaced() {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.DRIVER_ID, "driver-1");
        values.put(Placeholder.CORES, "2");

        assertThat(Placeholder.substitute("{{DRIVER_ID}} uses {{CORES}} cores", values))
                .isEqualTo("driver-1 uses 2 cores");
    }

    @Test
    void tokensWithoutAValueStayAsWritten() {
        assertThat(Placeholder.substitute("{{APP_ID}} {{UNKNOWN}}", Map.of())).isEqualTo("{{APP_ID}} {{UNKNOWN}}");
    }

    @Test
    void environmentNamesArePrefixed() {
        assertThat(Placeholder.WORKER_URL.environmentName()).isEqualTo("DROVER_WORKER_URL");
    }
}
