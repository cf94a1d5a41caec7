package io.drover.server.connector;

import io.drover.protocol.Paths;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * The worker protocol's requests ({@code /internal/**}) are not observed as {@code http.server.requests}.
 * With 10,000 workers the master takes hundreds of heartbeats a second, and the observation of each (tags,
 * a timer and a long-task timer looked up per request) was a fifth of a heartbeat's CPU (issue 13). The
 * protocol is counted where it means something: the master's {@code drover_heartbeats_total} and executor
 * and driver metrics, the worker's launch timer. The public API is still observed.
 */
@Configuration(proxyBeanMethods = false)
public class InternalRequestObservations {

    @Bean
    ObservationPredicate internalRequestsUnobserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().startsWith(Paths.INTERNAL + "/"));
    }
}
