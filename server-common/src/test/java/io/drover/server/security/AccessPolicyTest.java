package io.drover.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.server.security.AccessPolicy.Access;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;

class AccessPolicyTest {

    @ParameterizedTest(name = "{0} {1} needs {2}")
    @CsvSource(textBlock = """
            GET,    /actuator/health,              OPEN
            GET,    /actuator/health/readiness,    OPEN
            GET,    /login,                        OPEN
            POST,   /login,                        OPEN
            GET,    /drover/css/drover.css,        OPEN
            GET,    /webjars/chart.js/chart.js,    OPEN
            GET,    /actuator/healthy,             VIEW
            GET,    /actuator/prometheus,          VIEW
            GET,    /,                             VIEW
            GET,    /api/v1/openapi,               VIEW
            HEAD,   /api/v1/drivers,               VIEW
            POST,   /api/v1/drivers,               SUBMIT
            PUT,    /api/v1/applications/a/executor-limit, SUBMIT
            DELETE, /api/v1/drivers/x,             SUBMIT
            POST,   /drivers/x/kill,               SUBMIT
            POST,   /api/v1/workers/w/decommission, ADMIN
            POST,   /workers/w/decommission,       ADMIN
            GET,    /api/v1/workers/w/decommission, VIEW
            POST,   /api/v1/workers//decommission, SUBMIT
            POST,   /api/v1/workers/w/x/decommission, SUBMIT
            GET,    /internal/v1/workers,          CLUSTER
            POST,   /internal/v1/drivers,          CLUSTER
            POST,   /internal,                     CLUSTER
            GET,    /droverx,                      VIEW
            """)
    void eachRouteNeedsWhatThePolicySays(String method, String path, Access access) {
        assertThat(AccessPolicy.required(HttpMethod.valueOf(method), path)).isEqualTo(access);
    }

    @Test
    void eachRoleIncludesTheOnesBelowIt() {
        assertThat(Role.ADMIN.authorities()).extracting(Object::toString)
                .containsExactly("ROLE_VIEW", "ROLE_SUBMIT", "ROLE_ADMIN");
        assertThat(Role.VIEW.below()).isNull();
        assertThat(Role.ADMIN.below()).isEqualTo(Role.SUBMIT);
    }
}
