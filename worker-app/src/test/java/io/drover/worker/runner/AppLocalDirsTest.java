package io.drover.worker.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.drover.worker.isolation.Sandbox;
import io.drover.worker.isolation.Sandboxes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppLocalDirsTest {

    private static final String APP = "app-20260101000000-0001";
    private static final String OTHER = "app-20260101000000-0002";

    @TempDir
    Path tmp;

    private Path work;
    private Sandbox sandbox;
    private AppLocalDirs dirs;

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createDirectories(tmp.resolve("work"));
        sandbox = Sandboxes.defaultFor(work);
        dirs = new AppLocalDirs(work, sandbox);
    }

    @AfterEach
    void closeSandbox() {
        sandbox.close();
    }

    @Test
    void theDirectoryLivesBesideTheExecutorDirectoriesAndCreatingTwiceIsFine() throws IOException {
        Path first = dirs.create(APP);
        Files.writeString(first.resolve("spill"), "data");

        Path second = dirs.create(APP);

        assertThat(second).isEqualTo(first).isEqualTo(work.resolve(APP).resolve("local"));
        assertThat(second.resolve("spill")).hasContent("data");
    }

    @Test
    void deletingRemovesTheTreeButNotTheExecutorLogs() throws IOException {
        Path local = dirs.create(APP);
        Files.writeString(Files.createDirectories(local.resolve("a/b")).resolve("c"), "x");
        Path log = Files.writeString(Files.createDirectories(work.resolve(APP).resolve("0")).resolve("stdout"), "log");

        dirs.delete(APP);

        assertThat(local).doesNotExist();
        assertThat(log).hasContent("log");
    }

    @Test
    void deletingNeverFollowsALinkOutOfTheDirectory() throws IOException {
        Path outside = Files.writeString(Files.createDirectories(tmp.resolve("outside")).resolve("keep"), "precious");
        Path local = dirs.create(APP);
        Files.createSymbolicLink(local.resolve("link"), outside.getParent());

        dirs.delete(APP);

        assertThat(local).doesNotExist();
        assertThat(outside).hasContent("precious");
    }

    @Test
    void deleteAllRemovesWhatThisWorkerCreated() throws IOException {
        dirs.create(APP);
        dirs.create(OTHER);
        dirs.delete(OTHER);

        dirs.deleteAll();

        assertThat(work.resolve(APP).resolve("local")).doesNotExist();
        assertThat(work.resolve(APP)).exists();
    }

    @Test
    void deletingWhatDoesNotExistIsHarmless() {
        dirs.delete(APP);

        assertThat(work.resolve(APP)).doesNotExist();
    }
}
