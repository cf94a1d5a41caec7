package io.drover.master;

import io.drover.server.ServerCommonConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Drover master. Defaults live here and in {@link io.drover.master.config.MasterProperties}, not in an
 * {@code application.yml}, so a master and workers can share one JVM in tests without their files clashing.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import(ServerCommonConfiguration.class)
public class MasterApplication {

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(MasterApplication.class).properties(
                "server.port=8080",
                "server.address=127.0.0.1",
                "spring.application.name=drover-master",
                "spring.mvc.problemdetails.enabled=true",
                // The API takes JSON only; a multipart body must not reach a parser that fails with a 500.
                "spring.servlet.multipart.enabled=false",
                // Nothing may read a body before authentication (issue 10); the API takes no form-encoded PUTs.
                "spring.mvc.formcontent.filter.enabled=false",
                "management.endpoints.web.exposure.include=health,info,prometheus",
                "management.endpoint.health.probes.enabled=true",
                "management.endpoint.health.group.readiness.include=readinessState,droverReadiness",
                "server.shutdown=immediate",
                // Spring Security observes every filter of every request; on the internal protocol's hot path
                // that doubled the cost of a call. Requests are still timed once, as http.server.requests.
                "management.observations.enable.spring.security=false",
                // Browsers share cookies across the ports of one host: each app's dashboard session needs its own name.
                "server.servlet.session.cookie.name=DROVER_MASTER_SESSION",
                // The dashboard's flash messages use a session: by cookie only, never ";jsessionid=" in URLs.
                "server.servlet.session.tracking-modes=cookie",
                // The overview lists every worker; compiled SpEL renders a thousand rows about a third faster.
                // Thymeleaf compiles in MIXED mode: an expression that fails compiled runs interpreted.
                "spring.thymeleaf.enable-spring-el-compiler=true",
                // The OpenAPI description covers the public API only, not the worker protocol.
                "springdoc.paths-to-match=/api/**",
                "springdoc.api-docs.path=/api/v1/openapi");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
