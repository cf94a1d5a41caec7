package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.client.LogChunk;
import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.LogStream;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14's worker housekeeping on a real master and worker: Spark's cleanup, and rolled logs read through the master. */
class WorkerHousekeepingOnAClusterTest {

    private static final Duration LONG = Duration.ofSeconds(120);
    private static final long MB = 1024 * 1024;

    @TempDir
    Path tmp;
    private TestCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        NoProcessesLeft.assertNoneLeft();
    }

    @Test
    void aFinishedApplicationsDirectoriesAreDeletedByTheCleanup() {
        cluster = TestCluster.start(tmp);
        cluster.addWorker(2, 2048, "--drover.worker.cleanup.enabled=true", "--drover.worker.cleanup.interval=250ms",
                "--drover.worker.cleanup.app-data-ttl=2s");
        String appId = cluster.client.registerApplication(new RegisterApplicationRequest("cleaned",
                CommandSpec.executable("/bin/sh", List.of("-c", "echo working; exec sleep 600")), null, 1, 128L, 1,
                null, null, null));
        await().atMost(LONG).until(() -> cluster.client.application(appId).executors(),
                executors -> executors.stream().anyMatch(e -> e.state() == ExecutorState.RUNNING));
        Path appDir = cluster.workDir(1).resolve(appId);
        assertThat(appDir).isDirectory();

        cluster.client.finishApplication(appId);
        ApplicationView finished = cluster.client.awaitApplication(appId, ApplicationState::isTerminal, LONG);

        assertThat(finished.state()).isEqualTo(ApplicationState.FINISHED);
        await().atMost(LONG).until(() -> !Files.exists(appDir));
    }

    @Test
    void aDriverWriting50MbRolledAt10MbKeepsTheRetainedFilesAndItsLogReadsAcrossThemThroughTheMaster()
            throws Exception {
        cluster = TestCluster.start(tmp);
        cluster.addWorker(2, 2048, "--drover.worker.logs.rolling.strategy=size",
                "--drover.worker.logs.rolling.max-size=10MB", "--drover.worker.logs.rolling.max-retained-files=2");
        // 50 MiB of numbered 64-byte lines, so any byte range shows where in the output it came from
        String driverId = cluster.client.submitDriver(new SubmitDriverRequest("chatty", null,
                CommandSpec.executable("/usr/bin/awk", List.of("BEGIN { for (i = 0; i < 819200; i++) printf \"%063d\\n\", i }")),
                1, 128L, false));

        DriverView done = cluster.client.awaitDriver(driverId, DriverState::isTerminal, LONG);

        assertThat(done.state()).isEqualTo(DriverState.FINISHED);
        Path dir = cluster.workDir(1).resolve(driverId);
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> stdout = files.filter(f -> f.getFileName().toString().startsWith("stdout")).toList();
            assertThat(stdout).hasSize(3); // the active file and the two retained
            for (Path file : stdout) {
                assertThat(Files.size(file)).isLessThanOrEqualTo(10 * MB);
            }
        }
        LogChunk head = cluster.client.driverLogChunk(driverId, LogStream.STDOUT, 0, 0);
        // offsets count every byte written; the first 20 MiB went with the two oldest files
        assertThat(head.fileLength()).isEqualTo(50 * MB);
        assertThat(head.offset()).isEqualTo(20 * MB);
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        for (long offset = head.offset(); offset < head.fileLength(); ) {
            LogChunk chunk = cluster.client.driverLogChunk(driverId, LogStream.STDOUT, offset, 3 * MB);
            assertThat(chunk.offset()).isEqualTo(offset);
            read.write(chunk.bytes());
            offset = chunk.end();
        }
        byte[] bytes = read.toByteArray();
        assertThat(bytes).hasSize((int) (30 * MB));
        // lines 327680..819199 in order, across the two rolled files and the active one
        for (int line = 0; line < bytes.length / 64; line += 4099) {
            String text = new String(bytes, line * 64, 64, java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(text).isEqualTo(String.format("%063d\n", 327680 + line));
        }
        assertThat(new String(bytes, bytes.length - 64, 64, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo(String.format("%063d\n", 819199));
    }
}
