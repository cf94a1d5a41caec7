package io.drover.master.api.internal;

import io.drover.master.config.MasterProperties;
import io.drover.protocol.Paths;
import io.drover.server.connector.PublicConnectorQueue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Sheds registrations under a storm ({@link RegistrationAdmission}), before security and MVC spend anything. */
@Configuration(proxyBeanMethods = false)
class RegistrationAdmissionConfiguration {

    @Bean
    FilterRegistrationBean<RegistrationAdmission> registrationAdmission(PublicConnectorQueue queue,
            MasterProperties properties) {
        FilterRegistrationBean<RegistrationAdmission> registration = new FilterRegistrationBean<>(
                new RegistrationAdmission(queue::waiting, properties.registrationQueueLimit()));
        registration.addUrlPatterns(Paths.INTERNAL_WORKERS);
        // After the connector routing and the header guard.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
