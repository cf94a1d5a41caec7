package io.drover.worker.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.server.ApiException;
import io.drover.worker.config.WorkerProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

class LogFilesTest {

    private static final String DRIVER = "driver-20260101000000-0001";
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    private Path work;
    private LogFiles logFiles;

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createDirectories(tmp.resolve("work"));
        logFiles = new LogFiles(new WorkerProperties(List.of(), null, 1, 1024L, work, Duration.ofSeconds(1), 10, 10,
                Duration.ofSeconds(1), List.of(), List.of(), 0, List.of(), null, "61184-65519", 4096, null, null));
    }

    private static void assertStatus(ThrowingCallable call, HttpStatus status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(status));
    }

    // ---- ranges (pure)

    @Test
    void theDefaultRangeIsTheFirstMebibyte() {
        assertThat(LogFiles.range(5 * MIB, null, null)).isEqualTo(new LogFiles.Range(0, MIB));
    }

    @Test
    void aShortFileIsSentWhole() {
        assertThat(LogFiles.range(100, null, null)).isEqualTo(new LogFiles.Range(0, 100));
    }

    @Test
    void aNegativeOffsetCountsFromTheEnd() {
        assertThat(LogFiles.range(100, -10L, null)).isEqualTo(new LogFiles.Range(90, 10));
    }

    @Test
    void aNegativeOffsetBeyondTheStartStartsAtZero() {
        assertThat(LogFiles.range(100, -500L, 20L)).isEqualTo(new LogFiles.Range(0, 20));
    }

    @Test
    void anOffsetBeyondTheEndGivesAnEmptyRangeAtTheEnd() {
        assertThat(LogFiles.range(100, 150L, 10L)).isEqualTo(new LogFiles.Range(100, 0));
    }

    @Test
    void theLengthIsCappedAtTenMebibytes() {
        assertThat(LogFiles.range(50 * MIB, 0L, 40 * MIB)).isEqualTo(new LogFiles.Range(0, 10 * MIB));
    }

    @Test
    void aZeroLengthGivesAnEmptyRange() {
        assertThat(LogFiles.range(100, 5L, 0L)).isEqualTo(new LogFiles.Range(5, 0));
    }

    @Test
    void aNegativeLengthIsABadRequest() {
        assertStatus(() -> LogFiles.range(100, 0L, -1L), HttpStatus.BAD_REQUEST);
    }

    // ---- resolution

    private Path writeLog(String content) throws IOException {
        Path dir = Files.createDirectories(work.resolve(DRIVER));
        return Files.writeString(dir.resolve("stdout"), content);
    }

    @Test
    void aDriversLogResolvesToItsRealPath() throws IOException {
        Path log = writeLog("x");

        assertThat(logFiles.driverLog(DRIVER, "stdout")).isEqualTo(log.toRealPath());
    }

    @Test
    void aMalformedDriverIdIsABadRequest() {
        assertStatus(() -> logFiles.driverLog("..", "stdout"), HttpStatus.BAD_REQUEST);
        assertStatus(() -> logFiles.driverLog("/etc/passwd", "stdout"), HttpStatus.BAD_REQUEST);
        assertStatus(() -> logFiles.driverLog("driver-1/../../x", "stdout"), HttpStatus.BAD_REQUEST);
    }

    @Test
    void anUnknownStreamIsABadRequest() {
        assertStatus(() -> logFiles.driverLog(DRIVER, "passwd"), HttpStatus.BAD_REQUEST);
    }

    @Test
    void aMissingLogIsNotFound() {
        assertStatus(() -> logFiles.driverLog(DRIVER, "stderr"), HttpStatus.NOT_FOUND);
    }

    @Test
    void aSymlinkedDriverDirectoryPointingOutsideIsRefused() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("stdout"), "secret");
        Files.createSymbolicLink(work.resolve(DRIVER), outside);

        assertStatus(() -> logFiles.driverLog(DRIVER, "stdout"), HttpStatus.BAD_REQUEST);
    }

    @Test
    void aSymlinkedLogFilePointingOutsideIsRefused() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "secret");
        Path dir = Files.createDirectories(work.resolve(DRIVER));
        Files.createSymbolicLink(dir.resolve("stdout"), secret);

        assertStatus(() -> logFiles.driverLog(DRIVER, "stdout"), HttpStatus.BAD_REQUEST);
    }

    /** A child owns its directory and could point the link anywhere the next moment: links are never read. */
    @Test
    void aSymlinkedLogIsNotServedEvenWhenItPointsInsideTheWorkDirectory() throws IOException {
        Path log = writeLog("inside");
        Path other = Files.createDirectories(work.resolve("driver-20260101000000-0002"));
        Files.createSymbolicLink(other.resolve("stdout"), log);

        assertStatus(() -> logFiles.read(logFiles.driverLog("driver-20260101000000-0002", "stdout"), 0L, null),
                HttpStatus.NOT_FOUND);
    }

    // ---- reading

    @Test
    void onlyTheRequestedBytesAreRead() throws IOException {
        Path log = writeLog("0123456789abcdefghij");

        LogFiles.Chunk chunk = logFiles.read(log, 10L, 5L);

        assertThat(new String(chunk.bytes(), StandardCharsets.UTF_8)).isEqualTo("abcde");
        assertThat(chunk.offset()).isEqualTo(10);
        assertThat(chunk.fileLength()).isEqualTo(20);
    }

    @Test
    void theTailIsReadWithANegativeOffset() throws IOException {
        Path log = writeLog("0123456789abcdefghij");

        assertThat(new String(logFiles.read(log, -3L, null).bytes(), StandardCharsets.UTF_8)).isEqualTo("hij");
    }

    // ---- rolled files

    /** The driver's stdout rolled twice: "0123", then "4567", and "89" still being written. */
    private Path rolledLog() throws IOException {
        Path log = writeLog("89");
        Files.writeString(log.resolveSibling("stdout--2026-01-01--00-00-01-0001"), "0123");
        Files.writeString(log.resolveSibling("stdout--2026-01-01--00-00-02-0001"), "4567");
        Files.writeString(log.resolveSibling("stderr--2026-01-01--00-00-01-0001"), "not stdout");
        return log;
    }

    @Test
    void offsetsRunOverTheRolledFilesOldestFirstThenTheActiveOne() throws IOException {
        Path log = rolledLog();

        LogFiles.Chunk chunk = logFiles.read(log, 2L, 7L);

        assertThat(new String(chunk.bytes(), StandardCharsets.UTF_8)).isEqualTo("2345678");
        assertThat(chunk.offset()).isEqualTo(2);
        assertThat(chunk.fileLength()).isEqualTo(10);
    }

    @Test
    void theTailOfARolledLogComesFromTheActiveFileAndTheOneBefore() throws IOException {
        Path log = rolledLog();

        assertThat(new String(logFiles.read(log, -4L, null).bytes(), StandardCharsets.UTF_8)).isEqualTo("6789");
    }

    @Test
    void offsetsKeepCountingTheBytesOfDroppedFilesSoAFollowerNeverSkips() throws IOException {
        Path log = rolledLog();
        Files.writeString(log.resolveSibling(".stdout.dropped"), "100");

        LogFiles.Chunk fromTheStart = logFiles.read(log, 0L, 3L);
        LogFiles.Chunk inside = logFiles.read(log, 105L, null);

        assertThat(fromTheStart.offset()).isEqualTo(100);
        assertThat(new String(fromTheStart.bytes(), StandardCharsets.UTF_8)).isEqualTo("012");
        assertThat(fromTheStart.fileLength()).isEqualTo(110);
        assertThat(new String(inside.bytes(), StandardCharsets.UTF_8)).isEqualTo("56789");
        assertThat(new String(logFiles.read(log, -2L, null).bytes(), StandardCharsets.UTF_8)).isEqualTo("89");
    }

    @Test
    void aDroppedCountThatIsNoNumberCountsAsNone() throws IOException {
        Path log = rolledLog();
        Files.writeString(log.resolveSibling(".stdout.dropped"), "lots");

        assertThat(logFiles.read(log, 0L, null).offset()).isZero();
    }

    @Test
    void aLinkAmongTheRolledFilesIsNoPartOfTheStream() throws IOException {
        Path log = rolledLog();
        Path outside = Files.writeString(tmp.resolve("secret"), "secret");
        Files.createSymbolicLink(log.resolveSibling("stdout--2026-01-01--00-00-01-0002"), outside);

        assertThat(new String(logFiles.read(log, 0L, null).bytes(), StandardCharsets.UTF_8)).isEqualTo("0123456789");
    }

    // ---- executors

    @Test
    void anExecutorsLogResolvesToItsRealPathInTheApplicationDirectory() throws IOException {
        Path dir = Files.createDirectories(work.resolve("app-20260101000000-0001").resolve("3"));
        Path log = Files.writeString(dir.resolve("stderr"), "x");

        assertThat(logFiles.executorLog("app-20260101000000-0001", "3", "stderr")).isEqualTo(log.toRealPath());
    }

    @Test
    void malformedExecutorLogIdsAreBadRequests() {
        assertStatus(() -> logFiles.executorLog("..", "0", "stdout"), HttpStatus.BAD_REQUEST);
        assertStatus(() -> logFiles.executorLog("app-20260101000000-0001/..", "0", "stdout"), HttpStatus.BAD_REQUEST);
        assertStatus(() -> logFiles.executorLog("app-20260101000000-0001", "..", "stdout"), HttpStatus.BAD_REQUEST);
        assertStatus(() -> logFiles.executorLog("app-20260101000000-0001", "local", "stdout"), HttpStatus.BAD_REQUEST);
        assertStatus(() -> logFiles.executorLog("app-20260101000000-0001", "0", "environ"), HttpStatus.BAD_REQUEST);
    }

    @Test
    void aMissingExecutorLogIsNotFound() {
        assertStatus(() -> logFiles.executorLog("app-20260101000000-0001", "0", "stdout"), HttpStatus.NOT_FOUND);
    }
}
