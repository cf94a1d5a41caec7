package io.drover.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DroverMasterUrlTest {

    @Test
    void oneOrSeveralMastersBecomeTheirHttpUrls() {
        assertThat(DroverMasterUrl.httpUrls("drover://10.0.0.5:8080"))
                .containsExactly("http://10.0.0.5:8080");
        assertThat(DroverMasterUrl.httpUrls("drover://m1:8080,m2.example.org:9090,[::1]:7070/"))
                .containsExactly("http://m1:8080", "http://m2.example.org:9090", "http://[::1]:7070");
    }

    @Test
    void onlyDroverUrlsAreOurs() {
        assertThat(DroverMasterUrl.matches("drover://m:8080")).isTrue();
        for (String other : List.of("spark://m:7077", "local[2]", "yarn", "k8s://https://api:6443")) {
            assertThat(DroverMasterUrl.matches(other)).as(other).isFalse();
        }
    }

    @Test
    void aPartThatIsNotHostAndPortIsNamed() {
        assertThatThrownBy(() -> DroverMasterUrl.httpUrls("drover://m1:8080,m2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'m2'");
        assertThatThrownBy(() -> DroverMasterUrl.httpUrls("drover://m1:99999"))
                .hasMessageContaining("'m1:99999'");
    }
}
