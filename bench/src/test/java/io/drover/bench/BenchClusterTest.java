package io.drover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchClusterTest {

    @Test
    void theNativeHeapIsTrimmedOnTheJdksThatKnowTheOption() {
        assertThat(BenchCluster.trimsNativeHeap(Runtime.Version.parse("17.0.15+6"))).isTrue();
        assertThat(BenchCluster.trimsNativeHeap(Runtime.Version.parse("21.0.1"))).isTrue();
        assertThat(BenchCluster.trimsNativeHeap(Runtime.Version.parse("25.0.3"))).isTrue();
    }

    @Test
    void anOlderJdkStartsWithoutTheOptionItWouldRefuse() {
        assertThat(BenchCluster.trimsNativeHeap(Runtime.Version.parse("17.0.8"))).isFalse();
        assertThat(BenchCluster.trimsNativeHeap(Runtime.Version.parse("21"))).isFalse();
        assertThat(BenchCluster.trimsNativeHeap(Runtime.Version.parse("20.0.2"))).isFalse();
    }
}
