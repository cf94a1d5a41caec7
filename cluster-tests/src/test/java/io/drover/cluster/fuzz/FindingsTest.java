package io.drover.cluster.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FindingsTest {

    @Test
    void dotSegmentsAboveTheRootAreTheConnectorsToRefuse() {
        assertThat(Findings.climbsAboveTheRoot("/internal/v1/executors/../../../../etc/passwd/kill")).isTrue();
        assertThat(Findings.climbsAboveTheRoot("/api/%2E%2e/%2e%2E/x")).isTrue();
    }

    @Test
    void dotSegmentsThatStayInsideTheRootReachTheApplication() {
        assertThat(Findings.climbsAboveTheRoot("/internal/v1/executors/../../../etc/passwd/kill")).isFalse();
        assertThat(Findings.climbsAboveTheRoot("/api/v1/./drivers")).isFalse();
        assertThat(Findings.climbsAboveTheRoot("/api/v1/drivers..x/..y")).isFalse();
    }
}
