package io.drover.server;

import io.drover.server.connector.ConnectorConfiguration;
import io.drover.server.connector.InternalRequestObservations;
import io.drover.server.security.ClusterSecret;
import io.drover.server.security.SecurityConfiguration;
import jakarta.servlet.DispatcherType;
import jakarta.validation.Validator;
import org.springframework.beans.factory.ObjectProvider;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/** What both servers configure alike; each app imports it. */
@Configuration(proxyBeanMethods = false)
@Import({ApiErrors.class, ProblemErrorController.class, SecurityConfiguration.class, ConnectorConfiguration.class,
        InternalRequestObservations.class})
@EnableConfigurationProperties({ServerLimits.class, TlsSettings.class})
public class ServerCommonConfiguration {

    @Bean
    InternalRestClients internalRestClients(SslBundles bundles, TlsSettings tls, ObjectProvider<ClusterSecret> secret) {
        return new InternalRestClients(bundles, tls, secret.getIfAvailable());
    }

    @Bean
    RequestBodyWarmup requestBodyWarmup(ObjectProvider<RequestMappingHandlerMapping> mappings,
            ObjectProvider<Validator> validator, ObjectProvider<JsonMapper> json) {
        return new RequestBodyWarmup(mappings, validator, json);
    }

    /** Early: a request with unreadable headers goes no further. */
    @Bean
    FilterRegistrationBean<HeaderGuardFilter> headerGuardFilter() {
        FilterRegistrationBean<HeaderGuardFilter> registration = new FilterRegistrationBean<>(new HeaderGuardFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /**
     * Right after authentication, never before: reading a chunked body to measure it is the one place a
     * filter reads a body, and a body an unauthenticated client sends one byte at a time must not hold a
     * thread (issue 10). A declared length over the limit is refused here too, once the caller is known.
     */
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(ServerLimits limits) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(limits));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /**
     * Lets an encoded slash ({@code %2F}) through to Spring MVC still encoded, instead of Tomcat refusing the
     * request with an HTML page of its own. Routing still splits only on real slashes, so such a path
     * variable arrives whole (e.g. a driver id of {@code /etc/passwd}), fails the id check and is answered
     * with a {@code 400 application/problem+json} like every other bad input.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesReachTheApplication() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }
}
