package io.drover.worker.runner;

import io.drover.server.security.TokenAuthenticator;
import io.drover.worker.config.WorkerProperties;
import io.drover.worker.spark.WorkerSpark;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Assembles what the runners share from the worker's settings and beans. */
@Configuration(proxyBeanMethods = false)
class RunnerConfiguration {

    @Bean
    RunnerContext runnerContext(WorkerProperties properties, ProcessLauncher launcher, Clock clock,
            RunnerThreads threads, TokenAuthenticator authenticator, WorkerSpark spark) {
        LaunchPolicy policy = new LaunchPolicy(properties.allowedExecutables(), properties.allowedResourceHosts());
        return new RunnerContext(properties.absoluteWorkDir(), LaunchPlanner.forThisJvm(policy, spark.classpath()),
                new AppResourceFetcher(policy),
                new AppLocalDirs(properties.absoluteWorkDir()), launcher, SupervisePolicy.standard(), clock,
                properties.killGrace(), System.getenv(), threads.work, threads.timer,
                authenticator.driverTokens());
    }
}
