package io.drover.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import io.drover.protocol.state.MasterStatus;
import io.drover.protocol.state.WorkerState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The stylesheet is where the apps' pages expect it and gives every protocol state a badge colour. */
class StylesheetTest {

    @Test
    void everyStateHasABadgeRule() throws IOException {
        String css = read("static/drover/css/drover.css");

        Stream.of(DriverState.values(), WorkerState.values(), MasterStatus.values(), ApplicationState.values(),
                        ExecutorState.values())
                .flatMap(Arrays::stream)
                .map(Enum::name)
                .distinct()
                .forEach(state -> assertThat(Pattern.compile("\\.state-" + state + "\\b").matcher(css).find())
                        .as("a .state-%s rule", state)
                        .isTrue());
    }

    @Test
    void hasLightAndDarkColours() throws IOException {
        String css = read("static/drover/css/drover.css");

        assertThat(css).contains(":root {").contains("@media (prefers-color-scheme: dark)");
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = StylesheetTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
