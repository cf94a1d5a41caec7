package io.drover.worker.logs;

import static io.drover.worker.RegisteredWorker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.state.DriverState;
import io.drover.worker.FakeMaster;
import io.drover.worker.RegisteredWorker;
import io.drover.worker.TestWorker;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real driver, started through the worker's isolation wrappers, whose output the worker rolls at 1 MiB keeping
 * two rolled files: the files on disk and the log API over them.
 */
class RolledDriverLogTest {

    private static final String DRIVER = "driver-20260101000000-0001";
    private static final int LINES = 700_000; // seq's output: about 4.7 MiB
    private static final long MAX_SIZE = 1024 * 1024;

    @TempDir
    static Path work;

    private static RegisteredWorker registered;
    private static FakeMaster master;
    private static TestWorker worker;

    @BeforeAll
    static void start() throws Exception {
        registered = RegisteredWorker.start(work, "drover.worker.logs.rolling.strategy=size",
                "drover.worker.logs.rolling.max-size=1MB", "drover.worker.logs.rolling.max-retained-files=2");
        master = registered.master;
        worker = registered.worker;
        HttpResponse<String> launched = worker.postJson("/internal/v1/drivers", """
                {"masterUrl": "%s", "epoch": 7, "driverId": "%s",
                 "description": {"name": "test", "command": {"executable": "/bin/sh",
                                 "arguments": ["-c", "seq 1 %d; echo on stderr >&2"]},
                                 "cores": 1, "memoryMb": 64, "supervise": false}}
                """.formatted(master.url(), DRIVER, LINES));
        assertThat(launched.statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> master.reports.stream()
                .anyMatch(r -> r.driverId().equals(DRIVER) && r.state() == DriverState.FINISHED));
    }

    @AfterAll
    static void stop() {
        registered.close();
    }

    private static String expectedOutput() {
        return IntStream.rangeClosed(1, LINES).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n"));
    }

    private static List<Path> stdoutFiles() throws Exception {
        try (var files = Files.list(work.resolve(DRIVER))) {
            return files.filter(f -> f.getFileName().toString().startsWith("stdout")).sorted().toList();
        }
    }

    @Test
    void atMostTheRetainedRolledFilesAreKeptBesideTheActiveOneEachAtMostTheMaximumSize() throws Exception {
        List<Path> files = stdoutFiles();

        assertThat(files).hasSize(3);
        assertThat(files).map(file -> file.getFileName().toString()).filteredOn(name -> !name.equals("stdout"))
                .hasSize(2).allMatch(name -> name.matches("stdout--\\d{4}-\\d\\d-\\d\\d--\\d\\d-\\d\\d-\\d\\d-\\d{4}(--\\d+)?"));
        for (Path file : files) {
            assertThat(Files.size(file)).isLessThanOrEqualTo(MAX_SIZE);
        }
    }

    @Test
    void theLogApiReadsTheRetainedFilesAsOneStreamWhoseOffsetsCountTheDroppedBytesToo() throws Exception {
        String expected = expectedOutput();
        HttpResponse<String> head = worker.get("/api/v1/logs/drivers/" + DRIVER + "/stdout?offset=0&length=0");
        long first = Long.parseLong(head.headers().firstValue("Drover-Log-Offset").orElseThrow());
        long length = Long.parseLong(head.headers().firstValue("Drover-Log-File-Length").orElseThrow());
        assertThat(length).isEqualTo(expected.length()); // the whole output, dropped files included
        assertThat(length - first).isGreaterThan(2 * MAX_SIZE).isLessThanOrEqualTo(3 * MAX_SIZE);

        ByteArrayOutputStream read = new ByteArrayOutputStream();
        for (long offset = first; offset < length; offset = first + read.size()) { // pages across the files
            HttpResponse<byte[]> page = worker.send(worker.requestAs("/api/v1/logs/drivers/" + DRIVER
                    + "/stdout?offset=" + offset + "&length=300000", TestWorker.SECRET).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(page.headers().firstValue("Drover-Log-Offset")).hasValue(Long.toString(offset));
            read.write(page.body());
        }

        assertThat(read.toString(StandardCharsets.UTF_8)).isEqualTo(expected.substring((int) first));
    }

    @Test
    void stderrIsPumpedTooBehindTheWorkersHeaderLine() throws Exception {
        HttpResponse<String> stderr = worker.get("/api/v1/logs/drivers/" + DRIVER + "/stderr");

        assertThat(stderr.body()).contains("starting: /bin/sh").endsWith("on stderr\n");
    }
}
