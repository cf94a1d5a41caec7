package io.drover.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesInPlaceTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsReplacedWholeWithItsPermissionsAndNothingLeftBeside() throws IOException {
        Path target = Files.writeString(dir.resolve("entries"), "old");

        FilesInPlace.replace(target, "new", "rw-r--r--");

        assertThat(target).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(target);
        }
    }

    @Test
    void aWriteThatFailsLeavesTheOldFileAndNoPartBehind() throws IOException {
        Path target = Files.writeString(dir.resolve("entries"), "old");
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("the source broke");
            }
        };

        assertThatThrownBy(() -> FilesInPlace.replace(target, failing, null)).hasMessage("the source broke");

        assertThat(target).hasContent("old");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(target);
        }
    }
}
