package io.drover.master.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Who may kill what: the one decision the pages and the kill routes share. */
class ViewerTest {

    @Test
    void withNobodyLoggedInTheViewerIsAnAnonymousAdmin() {
        Viewer viewer = Viewer.of(new MockHttpServletRequest());

        assertThat(viewer.name()).isEqualTo("anonymous");
        assertThat(viewer.mayKill(null)).isTrue();
        assertThat(Viewer.nameOf(null)).isEqualTo("anonymous");
    }

    @Test
    void anAdminMayKillAnything() {
        Viewer viewer = Viewer.of(request("root", "ADMIN"));

        assertThat(viewer.mayKill("alice")).isTrue();
        assertThat(viewer.mayKill(null)).isTrue();
    }

    @Test
    void aSubmitterMayKillOnlyTheirOwn() {
        Viewer viewer = Viewer.of(request("alice", "SUBMIT"));

        assertThat(viewer.mayKill("alice")).isTrue();
        assertThat(viewer.mayKill("bob")).isFalse();
        assertThat(viewer.mayKill(null)).isFalse();
    }

    @Test
    void aReaderMayKillNothing() {
        Viewer viewer = Viewer.of(request("carol"));

        assertThat(viewer.mayKill("carol")).isFalse();
    }

    private static MockHttpServletRequest request(String name, String... roles) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setUserPrincipal(() -> name);
        for (String role : roles) {
            request.addUserRole(role);
        }
        return request;
    }
}
