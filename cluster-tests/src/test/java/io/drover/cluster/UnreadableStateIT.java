package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.master.persistence.RocksDbPersistenceEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9: a master whose stored state is corrupt or unreadable refuses to start, says which path, and
 * leaves every file there as it was, rather than starting empty over it. The state is a real RocksDB
 * database, made by the master's own engine with a leader epoch in it.
 */
class UnreadableStateIT {

    private static final Duration EXIT = Duration.ofSeconds(90);

    @RegisterExtension
    final MasterProcesses masters = new MasterProcesses();
    @TempDir
    Path tmp;
    private Path dataDir;
    private Path state;

    @BeforeEach
    void storeSomething() {
        dataDir = tmp.resolve("master-data");
        state = dataDir.resolve("state");
        try (RocksDbPersistenceEngine engine = RocksDbPersistenceEngine.open(state)) {
            engine.takeOver();
        }
    }

    @Test
    void aGarbageCurrentFileStopsTheStartWithItsPathAndChangesNothing() throws IOException {
        Files.writeString(state.resolve("CURRENT"), "not a manifest name\n\0\0garbage");

        assertRefusedWithoutChange(List.of());
    }

    @Test
    void aGarbageManifestStopsTheStartWithItsPathAndChangesNothing() throws IOException {
        Path manifest;
        try (Stream<Path> files = Files.list(state)) {
            manifest = files.filter(f -> f.getFileName().toString().startsWith("MANIFEST-")).findFirst().orElseThrow();
        }
        byte[] garbage = new byte[(int) Files.size(manifest)];
        Arrays.fill(garbage, (byte) 0x5a);
        Files.write(manifest, garbage);

        assertRefusedWithoutChange(List.of());
    }

    @Test
    void aDataDirectoryTheMasterMayNotReadStopsTheStartWithItsPathAndChangesNothing() throws IOException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "skipped: only root can run the master as another user (setpriv) against root's 0700 directory");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));

        assertRefusedWithoutChange(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
    }

    private void assertRefusedWithoutChange(List<String> runAs) {
        Map<String, String> before = fingerprint(dataDir);

        MasterProcess master = masters.start("master", tmp.resolve("logs"), MasterProcesses.freePort(),
                MasterProcesses.freePort(), runAs, List.of("--drover.master.data-dir=" + dataDir));
        int exitCode = master.awaitExit(EXIT);

        assertThat(exitCode).as(master.output()).isNotZero();
        assertThat(master.output()).contains(state.toString());
        assertThat(fingerprint(dataDir)).as("every file of " + dataDir + ": name, size, mtime, SHA-256")
                .isEqualTo(before);
    }

    /** Each file under {@code dir}: its size, modification time and SHA-256. */
    private static Map<String, String> fingerprint(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                files.put(dir.relativize(file).toString(), bytes.length + " " + Files.getLastModifiedTime(file) + " "
                        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            }
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }
}
