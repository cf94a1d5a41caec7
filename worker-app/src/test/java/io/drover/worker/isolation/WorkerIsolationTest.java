package io.drover.worker.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.drover.worker.FakeMaster;
import io.drover.worker.TestWorker;
import io.drover.worker.config.RunningUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a whole worker starts with each isolation, on real parts. */
class WorkerIsolationTest {

    @TempDir
    Path tmp;

    /**
     * As root the missing piece is a work directory children cannot reach; as anyone else it is root itself.
     * Either way the worker does not start, and says why.
     */
    @Test
    void aWorkerAskedForProcessIsolationThatCannotHaveItRefusesToStartNamingWhatIsMissing() throws Exception {
        Path closed = Files.createDirectories(tmp.resolve("private"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));

        assertThatThrownBy(() -> TestWorker.start(closed.resolve("work"), "http://127.0.0.1:9",
                "drover.worker.isolation=process"))
                .rootCause().hasMessageContaining("drover.worker.isolation=process cannot be provided")
                .hasMessageContaining(RunningUser.isRoot() ? closed.toString() : "does not run as root");
    }

    @Test
    void aWorkerWithoutIsolationSaysSoOnItsPageAndToItsMaster() throws Exception {
        try (FakeMaster master = new FakeMaster();
                TestWorker worker = TestWorker.start(tmp.resolve("work"), master.url(), "drover.worker.isolation=none")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !master.registrations.isEmpty());

            assertThat(master.registrations.get(0).isolation()).isEqualTo("none");
            assertThat(worker.get("/", "Accept", "text/html").body()).contains("isolation-warning")
                    .contains("can read the cluster&#39;s credentials");
        }
    }

    @Test
    void aWorkerRunningAsRootIsolatesByDefaultAndSaysSo() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(RunningUser.isRoot(), "the default is process only as root");
        try (FakeMaster master = new FakeMaster(); TestWorker worker = TestWorker.start(tmp.resolve("work"), master.url())) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !master.registrations.isEmpty());

            assertThat(master.registrations.get(0).isolation()).isEqualTo("process");
            assertThat(worker.get("/", "Accept", "text/html").body()).doesNotContain("isolation-warning")
                    .contains("process (cgroup v");
        }
    }
}
