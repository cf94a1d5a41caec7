package io.drover.worker.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.drover.protocol.internal.WorkerHealth;
import io.drover.worker.TestWorker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's own check of its work directory: writable, with room; a failing one refuses the start. */
class WorkDirHealthTest {

    @TempDir
    Path tmp;

    @Test
    void aWritableDirectoryWithRoomIsHealthyAndTheProbeLeavesNothingBehind() throws IOException {
        WorkerHealth health = new WorkDirHealth(tmp, 1).get();

        assertThat(health).isEqualTo(WorkerHealth.HEALTHY);
        try (var left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aDirectoryThatCannotTakeAFileIsUnhealthyNamingIt() throws IOException {
        Path notADirectory = Files.createFile(tmp.resolve("work"));

        WorkerHealth health = new WorkDirHealth(notADirectory, 0).get();

        assertThat(health.healthy()).isFalse();
        assertThat(health.reason()).contains(notADirectory.toString()).contains("not writable");
    }

    @Test
    void lessFreeSpaceThanTheMinimumIsUnhealthyNamingTheSetting() {
        WorkerHealth health = new WorkDirHealth(tmp, Long.MAX_VALUE / (1024 * 1024)).get();

        assertThat(health.healthy()).isFalse();
        assertThat(health.reason()).contains(tmp.toString()).contains("drover.worker.min-free-disk-mb");
    }

    @Test
    void aWorkerWhoseWorkDirectoryHasNoRoomRefusesToStartNamingTheDirectory() {
        Path workDir = tmp.resolve("work");

        Throwable refused = catchThrowable(() -> TestWorker.start(workDir, "http://127.0.0.1:9",
                "--drover.worker.min-free-disk-mb=" + Long.MAX_VALUE / (1024 * 1024)).close());

        assertThat(refused).rootCause().hasMessageContaining("cannot start").hasMessageContaining(workDir.toString());
    }
}
