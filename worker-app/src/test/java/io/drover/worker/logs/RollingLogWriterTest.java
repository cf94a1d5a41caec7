package io.drover.worker.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.worker.config.LogRollingProperties;
import io.drover.worker.config.LogRollingProperties.Strategy;
import io.drover.worker.config.LogRollingProperties.TimeInterval;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Rolling a stream into files on a real file system, as Spark's RollingFileAppender does. */
class RollingLogWriterTest {

    private static final Instant NOW = Instant.parse("2026-12-05T17:03:21.042Z");

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(NOW);

    private static LogRollingProperties bySize(long bytes, Integer retained) {
        return new LogRollingProperties(Strategy.SIZE, DataSize.ofBytes(bytes), TimeInterval.DAILY, retained);
    }

    private static void write(RollingLogWriter writer, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        writer.write(bytes, 0, bytes.length);
    }

    /** The stream as the files hold it: rolled files oldest first, then the active one. */
    private static String stream(Path active) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Path file : RolledFiles.all(active)) {
            all.write(Files.readAllBytes(file));
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    private static List<String> names(Path active) throws IOException {
        return RolledFiles.all(active).stream().map(p -> p.getFileName().toString()).toList();
    }

    @Test
    void bySizeEveryRolledFileHoldsExactlyTheMaximumAndTogetherTheyAreTheStream() throws IOException {
        Path active = dir.resolve("stdout");
        try (RollingLogWriter writer = new RollingLogWriter(active, bySize(4, null), clock)) {
            write(writer, "0123456");
            write(writer, "789abcd");
        }

        List<Path> rolled = RolledFiles.rolled(active);
        assertThat(rolled).hasSize(3);
        for (Path file : rolled) {
            assertThat(Files.size(file)).isEqualTo(4);
        }
        assertThat(active).hasContent("cd");
        assertThat(stream(active)).isEqualTo("0123456789abcd");
    }

    @Test
    void rolledFilesAreNamedAsSparkNamesThemWithTheTimeTheyRolled() throws IOException {
        Path active = dir.resolve("stdout");
        try (RollingLogWriter writer = new RollingLogWriter(active, bySize(4, null), clock)) {
            write(writer, "01234567");
            write(writer, "8");
        }

        assertThat(names(active)).containsExactly("stdout--2026-12-05--17-03-21-0042",
                "stdout--2026-12-05--17-03-21-0042--1", "stdout");
    }

    @Test
    void atMostTheRetainedNumberOfRolledFilesIsKeptTheOldestDroppedFirst() throws IOException {
        Path active = dir.resolve("stdout");
        try (RollingLogWriter writer = new RollingLogWriter(active, bySize(4, 2), clock)) {
            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofSeconds(1));
                write(writer, i + "xyz");
            }
            write(writer, "end");
        }

        assertThat(RolledFiles.rolled(active)).hasSize(2);
        assertThat(stream(active)).isEqualTo("3xyz4xyzend");
        assertThat(RolledFiles.droppedCount(active)).hasContent("12"); // 0xyz, 1xyz and 2xyz went
    }

    @Test
    void theDroppedCountCarriesOverWhenTheRunStartsAgain() throws IOException {
        Path active = dir.resolve("stdout");
        try (RollingLogWriter writer = new RollingLogWriter(active, bySize(4, 1), clock)) {
            write(writer, "0123456789");
        }
        try (RollingLogWriter writer = new RollingLogWriter(active, bySize(4, 1), clock)) {
            write(writer, "abcd");
        }

        assertThat(stream(active)).isEqualTo("89abcd");
        assertThat(RolledFiles.droppedCount(active)).hasContent("8");
    }

    @Test
    void aWorkerRestartedRunAppendsToTheActiveFileAndRollsItWhenFull() throws IOException {
        Path active = Files.writeString(dir.resolve("stderr"), "012");
        try (RollingLogWriter writer = new RollingLogWriter(active, bySize(4, null), clock)) {
            write(writer, "34");
        }

        assertThat(stream(active)).isEqualTo("01234");
        assertThat(active).hasContent("4");
    }

    @Test
    void byTimeTheFileRollsAtTheFirstWriteAfterThePeriodAndIsNamedForThePeriodItHolds() throws IOException {
        Path active = dir.resolve("stdout");
        LogRollingProperties hourly = new LogRollingProperties(Strategy.TIME, DataSize.ofBytes(1), TimeInterval.HOURLY,
                null);
        try (RollingLogWriter writer = new RollingLogWriter(active, hourly, clock)) {
            write(writer, "five ");
            write(writer, "o'clock ");
            clock.advance(Duration.ofHours(1));
            write(writer, "six");
        }

        assertThat(names(active)).containsExactly("stdout--2026-12-05--17", "stdout");
        assertThat(dir.resolve("stdout--2026-12-05--17")).hasContent("five o'clock ");
        assertThat(active).hasContent("six");
    }

    @Test
    void aLinkTheChildPutsWhereTheActiveFileGoesIsNeverWrittenThrough() throws IOException {
        Path active = dir.resolve("stdout");
        Path target = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("precious"), "keep");
        try (RollingLogWriter writer = new RollingLogWriter(active, bySize(4, null), clock)) {
            write(writer, "0123");
            Files.delete(active);
            Files.createSymbolicLink(active, target);
            write(writer, "4567");
            write(writer, "89");
        }

        assertThat(target).hasContent("keep");
        assertThat(Files.isSymbolicLink(active)).isFalse();
        assertThat(active).hasContent("89");
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
