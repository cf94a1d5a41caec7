package io.drover.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DroverCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void aDriverDroverStartedUsesItsOwnToken() {
        assertThat(DroverCredentials.resolve(Map.of("DROVER_AUTH_TOKEN", "drv.own"),
                Map.of("spark.drover.token", "configured"))).contains("drv.own");
    }

    @Test
    void aDriverElsewhereUsesTheConfiguredTokenOrItsFile() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "from-file\n");

        assertThat(DroverCredentials.resolve(Map.of(), Map.of("spark.drover.token", "configured"))).contains("configured");
        assertThat(DroverCredentials.resolve(Map.of(), Map.of("spark.drover.token-file", file.toString())))
                .contains("from-file");
        assertThat(DroverCredentials.resolve(Map.of(), Map.of())).isEmpty();
    }

    @Test
    void anEmptyOrMissingTokenFileIsAnError() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), " ");

        assertThatThrownBy(() -> DroverCredentials.resolve(Map.of(), Map.of("spark.drover.token-file", empty.toString())))
                .hasMessageContaining("is empty");
        assertThatThrownBy(() -> DroverCredentials.resolve(Map.of(),
                Map.of("spark.drover.token-file", dir.resolve("nope").toString()))).hasMessageContaining("cannot read");
    }
}
