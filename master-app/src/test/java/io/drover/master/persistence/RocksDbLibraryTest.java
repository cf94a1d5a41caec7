package io.drover.master.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.util.Environment;

/** RocksDB's JNI library is kept in the user's cache, one copy of one build, instead of a new file in /tmp. */
class RocksDbLibraryTest {

    private static final String LIBRARY = RocksDbLibrary.FILE;

    @TempDir
    Path nativeDir;

    @Test
    void theLibraryIsCopiedWholeIntoADirectoryOfItsVersion() throws Exception {
        Path dir = RocksDbLibrary.keep(nativeDir);

        assertThat(dir.getParent()).isEqualTo(nativeDir);
        assertThat(dir.getFileName().toString()).startsWith("rocksdb-");
        try (var in = getClass().getClassLoader().getResourceAsStream(Environment.getJniLibraryFileName("rocksdb"))) {
            assertThat(Files.size(dir.resolve(LIBRARY))).isEqualTo(in.readAllBytes().length);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(dir.resolve(LIBRARY));
        }
    }

    @Test
    void aKeptCopyIsReusedNotWrittenAgain() throws Exception {
        Path library = RocksDbLibrary.keep(nativeDir).resolve(LIBRARY);
        Object written = Files.readAttributes(library, "unix:ino").get("ino");

        RocksDbLibrary.keep(nativeDir);

        assertThat(Files.readAttributes(library, "unix:ino").get("ino")).isEqualTo(written);
    }

    @Test
    void anotherBuildsCopyIsRemoved() throws Exception {
        Path older = Files.createDirectories(nativeDir.resolve("rocksdb-0"));
        Files.writeString(older.resolve(LIBRARY), "an older build");

        Path dir = RocksDbLibrary.keep(nativeDir);

        assertThat(older).doesNotExist();
        try (var dirs = Files.list(nativeDir)) {
            assertThat(dirs.toList()).containsExactly(dir);
        }
    }
}
