package io.drover.master.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SparkRouteTest {

    @Test
    void eachActionHasItsMethodAndTheRestOfThePathIsTheSubmissionId() {
        assertThat(SparkRoute.of("POST", "/v1/submissions/create")).isEqualTo(new SparkRoute.Create());
        assertThat(SparkRoute.of("POST", "/v1/submissions/create/anything")).isEqualTo(new SparkRoute.Create());
        assertThat(SparkRoute.of("GET", "/v1/submissions/status/driver-1/more")).isEqualTo(new SparkRoute.Status("driver-1"));
        assertThat(SparkRoute.of("GET", "/v1/submissions/status/")).isEqualTo(new SparkRoute.Status(null));
        assertThat(SparkRoute.of("POST", "/v1/submissions/kill/driver-1")).isEqualTo(new SparkRoute.Kill("driver-1"));
        assertThat(SparkRoute.of("POST", "/v1/submissions/killall")).isEqualTo(new SparkRoute.KillAll());
        assertThat(SparkRoute.of("POST", "/v1/submissions/clear")).isEqualTo(new SparkRoute.Clear());
        assertThat(SparkRoute.of("GET", "/v1/submissions/readyz")).isEqualTo(new SparkRoute.Readyz());
    }

    @Test
    void anActionWithAnotherMethodIsAWrongMethod() {
        assertThat(SparkRoute.of("GET", "/v1/submissions/create")).isEqualTo(new SparkRoute.WrongMethod("GET"));
        assertThat(SparkRoute.of("DELETE", "/v1/submissions/kill/x")).isEqualTo(new SparkRoute.WrongMethod("DELETE"));
    }

    @Test
    void anyOtherFirstPartIsAnUnknownVersionAsInSparksErrorServlet() {
        assertThat(SparkRoute.of("GET", "/v2/submissions/create")).isInstanceOfSatisfying(SparkRoute.Error.class, e -> {
            assertThat(e.unknownVersion()).isTrue();
            assertThat(e.message()).startsWith("Unknown protocol version 'v2'.");
        });
        assertThat(SparkRoute.of("GET", "/v1/other")).isInstanceOfSatisfying(SparkRoute.Error.class,
                e -> assertThat(e.message()).startsWith("Unknown protocol version 'v1'."));
    }
}
