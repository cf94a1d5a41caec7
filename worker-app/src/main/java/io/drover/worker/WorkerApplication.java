package io.drover.worker;

import io.drover.server.ServerCommonConfiguration;
import io.drover.worker.decommission.WorkerExit;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A Drover worker: registers with a master, runs drivers as child processes and serves their logs.
 *
 * <p>Defaults live in {@link #builder()} and in {@code WorkerProperties}, never in an
 * {@code application.yml} on the classpath: a master and workers may share one JVM (tests, benchmarks),
 * and a bundled file would leak one app's settings into the other.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import(ServerCommonConfiguration.class)
public class WorkerApplication {

    public static void main(String[] args) {
        WorkerExit.ownTheJvm();
        builder().run(args);
    }

    /**
     * The worker with its default properties. They have the lowest precedence, so command-line arguments,
     * environment variables and later {@code .properties(...)} calls override them.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(WorkerApplication.class)
                .main(WorkerApplication.class) // names the app in logs when started from a test or another module
                .properties(
                        "server.port=8081",
                        "server.address=127.0.0.1",
                        "spring.application.name=drover-worker",
                        "spring.mvc.problemdetails.enabled=true",
                // Spring Security observes every filter of every request; on the internal protocol's hot path
                // that doubled the cost of a call. Requests are still timed once, as http.server.requests.
                "management.observations.enable.spring.security=false",
                // The API takes JSON only; a multipart body must not reach a parser that fails with a 500.
                "spring.servlet.multipart.enabled=false",
                // Nothing may read a body before authentication (issue 10); the API takes no form-encoded PUTs.
                "spring.mvc.formcontent.filter.enabled=false",
                        "management.endpoints.web.exposure.include=health,info,prometheus",
                        "management.endpoint.health.probes.enabled=true",
                        "management.endpoint.health.group.readiness.include=readinessState,droverReadiness",
                        // Browsers share cookies across ports, and several workers may run on one host: each
                        // process gets a session cookie of its own name (a restart means logging in again).
                        "server.servlet.session.cookie.name=DROVER_WORKER_"
                                + Long.toHexString(new java.security.SecureRandom().nextLong() & Long.MAX_VALUE));
    }
}
