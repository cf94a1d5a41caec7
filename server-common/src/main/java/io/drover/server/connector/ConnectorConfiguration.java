package io.drover.server.connector;

import io.drover.server.ServerLimits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The connectors of both apps. An app that speaks the master↔worker protocol declares an
 * {@link InternalConnector} bean from its {@code internal-port} setting; this adds it to Tomcat and keeps
 * each route on its own connector.
 */
@Configuration(proxyBeanMethods = false)
public class ConnectorConfiguration {

    @Bean
    ServerConnectors serverConnectors(ServerLimits limits, ObjectProvider<InternalConnector> internal) {
        return new ServerConnectors(limits, internal.getIfAvailable());
    }

    @Bean
    PublicConnectorQueue publicConnectorQueue() {
        return new PublicConnectorQueue();
    }

    /** First of all filters: a call on the wrong connector goes no further. */
    @Bean
    FilterRegistrationBean<ConnectorRouting> connectorRouting(ObjectProvider<InternalConnector> internal) {
        InternalConnector connector = internal.getIfAvailable();
        FilterRegistrationBean<ConnectorRouting> registration = new FilterRegistrationBean<>(new ConnectorRouting(connector));
        registration.setEnabled(connector != null);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
