package io.drover.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSecretTest {

    @TempDir
    Path dir;

    private static AuthProperties auth(String secret, Path file) {
        return new AuthProperties(true, secret, file, List.of(), new AuthProperties.Throttle(20, java.time.Duration.ofMinutes(1)));
    }

    @Test
    void aMasterGivenNoSecretGeneratesOneReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("data/cluster-secret");

        ClusterSecret secret = ClusterSecret.resolve(auth(null, null), file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(secret.matches(Files.readString(file).strip())).isTrue();
        assertThat(secret.value()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void aMasterRestartedKeepsTheSecretItGenerated() {
        Path file = dir.resolve("cluster-secret");
        String first = ClusterSecret.resolve(auth(null, null), file).value();

        assertThat(ClusterSecret.resolve(auth(null, null), file).value()).isEqualTo(first);
    }

    @Test
    void aGivenSecretWinsOverAnyFile() {
        ClusterSecret secret = ClusterSecret.resolve(auth("given-secret-of-length", dir.resolve("x")), dir.resolve("y"));

        assertThat(secret.matches("given-secret-of-length")).isTrue();
        assertThat(dir.resolve("y")).doesNotExist();
    }

    @Test
    void aWorkerReadsTheSecretFileItIsPointedAt() throws Exception {
        Path file = Files.writeString(dir.resolve("cluster-secret"), "from-the-masters-file\n");

        assertThat(ClusterSecret.resolve(auth(null, file), null).matches("from-the-masters-file")).isTrue();
    }

    @Test
    void aWorkerToldNothingRefusesToStartAndSaysWhatToSet() {
        assertThatThrownBy(() -> ClusterSecret.resolve(auth(null, null), null))
                .hasMessageContaining("drover.auth.secret").hasMessageContaining("secret-file");
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> ClusterSecret.of("short")).hasMessageContaining("at least 16");
    }

    @Test
    void theSecretNeverShowsInItsStringForm() {
        assertThat(ClusterSecret.of("a-secret-nobody-may-see").toString()).doesNotContain("nobody");
        assertThat(auth("a-secret-nobody-may-see", null).toString()).doesNotContain("nobody");
    }
}
