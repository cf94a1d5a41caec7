package io.drover.protocol.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ExecutorIdsTest {

    @Test
    void nonNegativeDecimalIntsParse() {
        assertThat(ExecutorIds.parse("0")).hasValue(0);
        assertThat(ExecutorIds.parse("42")).hasValue(42);
        assertThat(ExecutorIds.parse("2147483647")).hasValue(Integer.MAX_VALUE);
    }

    @Test
    void anythingElseIsRefused() {
        for (String text : new String[] {null, "", "-1", "+1", "1.0", "x", " 1", "2147483648", "99999999999", "..",
                "1/..", "%2e"}) {
            assertThat(ExecutorIds.parse(text)).as(String.valueOf(text)).isEqualTo(OptionalInt.empty());
        }
    }
}
