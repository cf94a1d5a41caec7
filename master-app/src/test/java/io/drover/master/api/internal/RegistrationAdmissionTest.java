package io.drover.master.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RegistrationAdmissionTest {

    private final AtomicInteger waiting = new AtomicInteger();
    private final RegistrationAdmission admission = new RegistrationAdmission(waiting::get, 200);

    @Test
    void aRegistrationGoesOnWhileTheQueueIsWithinTheLimit() throws Exception {
        waiting.set(200);
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        admission.doFilter(registration(), response, chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void aRegistrationBehindALongQueueIsTurnedAwayAtOnceToBeTriedAgain() throws Exception {
        waiting.set(201);
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        admission.doFilter(registration(), response, chain);

        assertThat(chain.getRequest()).as("nothing behind the filter ran").isNull();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":503", "register again shortly");
    }

    @Test
    void onlyRegistrationsAreShedNotOtherMethodsOnTheSamePath() throws Exception {
        waiting.set(10_000);
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/internal/v1/workers");

        admission.doFilter(get, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    private static MockHttpServletRequest registration() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/internal/v1/workers");
        request.setContentType("application/json");
        request.setContent("{}".getBytes());
        return request;
    }
}
