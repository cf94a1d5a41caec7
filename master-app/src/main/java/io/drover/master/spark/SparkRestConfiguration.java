package io.drover.master.spark;

import io.drover.master.api.Commands;
import io.drover.master.config.MasterAddress;
import io.drover.master.state.ClusterStateStore;
import io.drover.server.ServerLimits;
import jakarta.validation.Validator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The Spark port and what answers on it, open only with {@code drover.spark.rest.enabled=true}. The beans are
 * always there and the switch is read when the server is built, not by a condition: Spring AOT decides
 * conditions when the jar is built, so a condition on a property would ignore the operator's setting.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SparkRestProperties.class)
class SparkRestConfiguration {

    @Bean
    SparkRestConnector sparkRestConnector(SparkRestProperties properties) {
        return new SparkRestConnector(properties);
    }

    @Bean
    SparkSubmissions sparkSubmissions(ClusterStateStore store, Commands commands, Validator validator,
            MasterAddress address, SparkRestProperties properties) {
        return new SparkSubmissions(store, commands, validator, address, properties);
    }

    /** Before every other filter: a request on the Spark port is Spark's alone. */
    @Bean
    FilterRegistrationBean<SparkRestFilter> sparkRestFilter(SparkRestConnector connector, SparkSubmissions submissions,
            SparkRestProperties properties, ServerLimits limits) {
        FilterRegistrationBean<SparkRestFilter> registration = new FilterRegistrationBean<>(new SparkRestFilter(
                connector, submissions, properties.trustedNetworks(), limits.maxRequestSize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setEnabled(properties.enabled());
        return registration;
    }
}
