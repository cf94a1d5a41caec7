package io.drover.worker.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.worker.config.ResourceOffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Offers found at start: a count, or Spark's discovery script; anything wrong names its key. */
class ResourceDiscoveryTest {

    @TempDir
    Path tmp;

    private final ResourceDiscovery discovery = new ResourceDiscovery(JsonMapper.builder().build());

    private Path script(String body) throws IOException {
        Path script = tmp.resolve("discover");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void anAmountOffersAddressesFromZero() {
        assertThat(discovery.discover(Map.of("fpga", new ResourceOffer(3, null))))
                .isEqualTo(Map.of("fpga", List.of("0", "1", "2")));
    }

    @Test
    void aDiscoveryScriptOffersTheAddressesItPrintsInSparksFormat() throws IOException {
        Path script = script("echo '{\"name\":\"gpu\",\"addresses\":[\"3\",\"5\"]}'");

        assertThat(discovery.discover(Map.of("gpu", new ResourceOffer(null, script))))
                .isEqualTo(Map.of("gpu", List.of("3", "5")));
    }

    @Test
    void aScriptThatFailsFailsTheStartNamingTheKey() throws IOException {
        Path script = script("exit 4");

        assertThatThrownBy(() -> discovery.discover(Map.of("gpu", new ResourceOffer(null, script))))
                .hasMessageContaining("drover.worker.resources.gpu.discovery-script").hasMessageContaining("code 4");
    }

    @Test
    void aScriptThatPrintsAnotherResourceOrBadAddressesFailsTheStartNamingTheKey() throws IOException {
        Path other = script("echo '{\"name\":\"fpga\",\"addresses\":[\"0\"]}'");
        assertThatThrownBy(() -> discovery.discover(Map.of("gpu", new ResourceOffer(null, other))))
                .hasMessageContaining("drover.worker.resources.gpu.discovery-script").hasMessageContaining("'fpga'");

        Path badAddress = script("echo '{\"name\":\"gpu\",\"addresses\":[\"0,1\"]}'");
        assertThatThrownBy(() -> discovery.discover(Map.of("gpu", new ResourceOffer(null, badAddress))))
                .hasMessageContaining("drover.worker.resources.gpu.discovery-script").hasMessageContaining("'0,1'");
    }

    @Test
    void anOfferWithBothOrNeitherFormOrABadNameFailsTheStartNamingTheKey() {
        assertThatThrownBy(() -> discovery.discover(Map.of("gpu", new ResourceOffer(2, Path.of("/bin/true")))))
                .hasMessageContaining("drover.worker.resources.gpu").hasMessageContaining("exactly one");
        assertThatThrownBy(() -> discovery.discover(Map.of("gpu", new ResourceOffer(null, null))))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> discovery.discover(Map.of("GPU-1", new ResourceOffer(1, null))))
                .hasMessageContaining("drover.worker.resources.GPU-1");
    }
}
