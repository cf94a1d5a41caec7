package io.drover.worker.isolation;

import io.drover.worker.config.Isolation;
import io.drover.worker.config.WorkerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The worker's {@link Sandbox}, built (or refused) at start, and said out loud when it is {@code none}. */
@Configuration(proxyBeanMethods = false)
class IsolationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IsolationConfiguration.class);

    @Bean
    Sandbox sandbox(WorkerProperties properties) {
        Sandbox sandbox = Sandboxes.create(properties.effectiveIsolation(), properties.uids(), properties.pidsLimit(),
                properties.absoluteWorkDir());
        if (sandbox.isolation() == Isolation.NONE) {
            log.warn(Sandbox.NONE_WARNING);
        } else {
            log.info("Children run isolated: {}, uids {}", sandbox.describe(), properties.uidRange());
        }
        return sandbox;
    }
}
