package io.drover.worker.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessLauncherTest {

    @Test
    void theHeaderHidesValuesOfSecretLookingAssignments() {
        String line = ProcessLauncher.redactedCommandLine(
                List.of("java", "-Ddb.password=hunter2", "--api-key=abc", "TOKEN=xyz", "-Dplain=visible"));

        assertThat(line).isEqualTo("java '-Ddb.password=***' '--api-key=***' 'TOKEN=***' -Dplain=visible");
    }

    @Test
    void theHeaderQuotesArgumentsAShellWouldSplit() {
        assertThat(ProcessLauncher.redactedCommandLine(List.of("/bin/sh", "-c", "echo 'hi'; exit 3", "")))
                .isEqualTo("/bin/sh -c 'echo '\\''hi'\\''; exit 3' ''");
    }
}
