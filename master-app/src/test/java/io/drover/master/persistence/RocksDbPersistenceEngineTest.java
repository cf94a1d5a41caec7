package io.drover.master.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbPersistenceEngineTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void whatABatchWroteIsThereAfterTheDatabaseIsOpenedAgain() {
        try (RocksDbPersistenceEngine engine = RocksDbPersistenceEngine.open(dir.resolve("state"))) {
            engine.write(new WriteBatch().put("driver/a", bytes("1")).put("driver/b", bytes("2")));
            engine.write(new WriteBatch().delete("driver/a").put("driver/b", bytes("3")));
        }
        try (RocksDbPersistenceEngine engine = RocksDbPersistenceEngine.open(dir.resolve("state"))) {
            assertThat(engine.readAll()).containsOnlyKeys("driver/b");
            assertThat(new String(engine.readAll().get("driver/b"), StandardCharsets.UTF_8)).isEqualTo("3");
        }
    }

    @Test
    void eachTakeOverRaisesTheStoredEpochByOne() {
        try (RocksDbPersistenceEngine engine = RocksDbPersistenceEngine.open(dir.resolve("state"))) {
            assertThat(engine.takeOver()).isEqualTo(1);
        }
        try (RocksDbPersistenceEngine engine = RocksDbPersistenceEngine.open(dir.resolve("state"))) {
            assertThat(engine.takeOver()).isEqualTo(2);
        }
    }

    @Test
    void aDirectoryWithFilesButNoDatabaseIsRefusedAndLeftAlone() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.writeString(state.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> RocksDbPersistenceEngine.open(state))
                .isInstanceOf(UnreadableStateException.class).hasMessageContaining(state.toString());
        assertThat(Files.readString(state.resolve("notes.txt"))).isEqualTo("mine");
        assertThat(state.resolve("CURRENT")).doesNotExist();
    }

    @Test
    void aCorruptDatabaseIsRefusedNamingItsPath() throws Exception {
        Path state = dir.resolve("state");
        try (RocksDbPersistenceEngine engine = RocksDbPersistenceEngine.open(state)) {
            engine.write(new WriteBatch().put("driver/a", bytes("1")));
        }
        Files.writeString(state.resolve("CURRENT"), "MANIFEST-999999\n");

        assertThatThrownBy(() -> RocksDbPersistenceEngine.open(state))
                .isInstanceOf(UnreadableStateException.class).hasMessageContaining(state.toString());
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsRefused() throws Exception {
        Path state = Files.writeString(dir.resolve("state"), "not a directory");

        assertThatThrownBy(() -> RocksDbPersistenceEngine.open(state))
                .isInstanceOf(UnreadableStateException.class).hasMessageContaining("not a directory");
    }
}
