package io.drover.cluster.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

    @Test
    void aConnectionClosedOnAHeadOverTheLimitIsTheConnectorsRefusal() {
        FuzzRequest oversized = requestWithHeader("x".repeat(9_000));

        assertThat(Findings.containerRejected(oversized, "/api/v1/drivers", noAnswer("java.io.IOException"))).isTrue();
    }

    @Test
    void aTimeoutOnAHeadOverTheLimitIsStillNoAnswer() {
        FuzzRequest oversized = requestWithHeader("x".repeat(9_000));

        assertThat(Findings.containerRejected(oversized, "/api/v1/drivers",
                noAnswer("java.net.http.HttpTimeoutException: request timed out"))).isFalse();
    }

    @Test
    void aConnectionClosedOnAnOrdinaryRequestIsNoAnswer() {
        FuzzRequest ordinary = requestWithHeader("small");

        assertThat(Findings.containerRejected(ordinary, "/api/v1/drivers", noAnswer("java.io.IOException"))).isFalse();
    }

    private static FuzzRequest requestWithHeader(String value) {
        return new FuzzRequest(FuzzRequest.Target.MASTER, "POST", "/api/v1/drivers", List.of(), List.of(),
                "application/json", null, List.of(new FuzzRequest.Header("X-Fuzz", value)), new FuzzRequest.NoBody());
    }

    private static FuzzHttp.Answer noAnswer(String failure) {
        return new FuzzHttp.Answer("POST /api/v1/drivers", 0, null, null, failure);
    }
}
