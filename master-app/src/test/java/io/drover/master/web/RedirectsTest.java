package io.drover.master.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** After an action the reader goes back to one of our pages, never to another site or a kill URL. */
class RedirectsTest {

    @Test
    void aLocalBackFieldWins() {
        assertThat(Redirects.back(request(null), "/drivers?state=active", "/")).isEqualTo("/drivers?state=active");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/", "http://evil.example/", "/\\evil.example", "drivers", "/drivers/x/kill",
            "/a\nLocation: x"})
    void anythingElseInTheBackFieldIsIgnored(String back) {
        assertThat(Redirects.back(request(null), back, "/fallback")).isEqualTo("/fallback");
    }

    @Test
    void aSameOriginRefererIsFollowed() {
        assertThat(Redirects.back(request("http://localhost:8080/workers/w?x=1"), null, "/")).isEqualTo("/workers/w?x=1");
    }

    @Test
    void aRefererFromAnotherOriginIsNot() {
        assertThat(Redirects.back(request("http://evil.example:8080/workers"), null, "/fallback")).isEqualTo("/fallback");
        assertThat(Redirects.back(request("http://localhost:9999/workers"), null, "/fallback")).isEqualTo("/fallback");
        assertThat(Redirects.back(request("not a url"), null, "/fallback")).isEqualTo("/fallback");
    }

    private static MockHttpServletRequest request(String referer) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/drivers/x/kill");
        request.setServerName("localhost");
        request.setServerPort(8080);
        if (referer != null) {
            request.addHeader("Referer", referer);
        }
        return request;
    }
}
