package io.drover.worker.runner;

import io.drover.server.security.AuthProperties;
import io.drover.server.security.TokenAuthenticator;
import io.drover.worker.isolation.Sandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.drover.worker.config.CleanupProperties;
import io.drover.worker.config.WorkerProperties;
import java.net.URI;
import io.drover.worker.health.WorkDirHealth;
import io.drover.worker.spark.WorkerSpark;
import java.time.Clock;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Assembles what the runners share from the worker's settings and beans. */
@Configuration(proxyBeanMethods = false)
class RunnerConfiguration {

    @Bean
    AppResourceCache appResourceCache(WorkerProperties properties) {
        return new AppResourceCache(properties.absoluteWorkDir());
    }

    @Bean
    RunnerContext runnerContext(WorkerProperties properties, CleanupProperties cleanup, ProcessLauncher launcher, Clock clock,
            RunnerThreads threads, TokenAuthenticator authenticator, AuthProperties auth, Sandbox sandbox,
            WorkerSpark spark, WorkDirHealth health, AppResourceCache resourceCache) {
        List<Path> workersOwn = new ArrayList<>(List.of(properties.absoluteWorkDir()));
        if (auth.secretFile() != null) {
            workersOwn.add(auth.secretFile());
        }
        LaunchPolicy policy = new LaunchPolicy(properties.allowedExecutables(), properties.allowedResourceHosts(),
                new ResourceDirs(properties.allowedResourceDirs(), workersOwn));
        return new RunnerContext(properties.absoluteWorkDir(), LaunchPlanner.forThisJvm(policy, spark.classpath()),
                new AppResourceFetcher(policy, resourceCache),
                new AppLocalDirs(properties.absoluteWorkDir(), sandbox, cleanup.onApplicationEnd()), launcher, SupervisePolicy.standard(), clock,
                properties.killGrace(), System.getenv(), threads.work, threads.timer,
                authenticator.driverTokens(), sandbox,
                properties.masterUrls().stream().map(URI::toString).collect(Collectors.joining(",")), health);
    }
}
