package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** Every test class ends by checking that the processes its workers started are gone with them. */
final class NoProcessesLeft {

    private NoProcessesLeft() {
    }

    static void assertNoneLeft() {
        await("child processes of the test JVM to end").atMost(Duration.ofSeconds(30))
                .until(() -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(p -> p.info().commandLine()))
                .isEmpty();
    }
}
