package io.drover.master.config;

import io.drover.server.InternalRestClients;
import io.drover.server.security.AuthProperties;
import io.drover.server.security.ClusterSecret;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * Wires what every part of the master shares: clock, randomness, the cluster secret and the client for
 * workers. The state, its store and the leadership wire themselves (state, ha), so nothing here depends on
 * them.
 */
@Configuration(proxyBeanMethods = false)
class MasterConfiguration {

    static final String CLUSTER_SECRET_FILE = "cluster-secret";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RandomGenerator random() {
        return RandomGenerator.getDefault();
    }

    /** Given, or else generated once into the data directory and kept there across restarts (DESIGN.md §7). */
    @Bean
    ClusterSecret clusterSecret(AuthProperties auth, MasterProperties properties) {
        return ClusterSecret.resolve(auth, properties.dataDir().resolve(CLUSTER_SECRET_FILE));
    }

    /** Calls to workers: short connect timeout, and a read timeout so a hung worker cannot hold a thread. */
    @Bean
    RestClient workerRestClient(RestClient.Builder builder, InternalRestClients clients, MasterProperties properties) {
        return clients.build(builder, Duration.ofSeconds(2), properties.workerCallTimeout());
    }
}
