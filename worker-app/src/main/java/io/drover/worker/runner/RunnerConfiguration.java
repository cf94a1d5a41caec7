package io.drover.worker.runner;

import io.drover.server.security.TokenAuthenticator;
import io.drover.worker.config.WorkerProperties;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Assembles what the runners share from the worker's settings and beans. */
@Configuration(proxyBeanMethods = false)
class RunnerConfiguration {

    @Bean
    RunnerContext runnerContext(WorkerProperties properties, ProcessLauncher launcher, Clock clock,
            RunnerThreads threads, TokenAuthenticator authenticator) {
        LaunchPolicy policy = new LaunchPolicy(properties.allowedExecutables(), properties.allowedResourceHosts());
        return new RunnerContext(properties.absoluteWorkDir(), LaunchPlanner.forThisJvm(policy),
                new AppResourceFetcher(policy),
                new AppLocalDirs(properties.absoluteWorkDir()), launcher, SupervisePolicy.standard(), clock,
                properties.killGrace(), inherited(properties), threads.work, threads.timer,
                authenticator.driverTokens());
    }

    /** The worker's environment plus every configured master (issue 9), so a driver's client follows the leader. */
    private static Map<String, String> inherited(WorkerProperties properties) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("DROVER_MASTER_URLS",
                properties.masterUrls().stream().map(URI::toString).collect(Collectors.joining(",")));
        return environment;
    }
}
