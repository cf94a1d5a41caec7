package io.drover.master.config;

import io.drover.server.InternalRestClients;
import io.drover.server.connector.InternalConnector;
import io.drover.server.security.AuthProperties;
import io.drover.server.security.ClusterSecret;
import io.drover.server.security.KnownHosts;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
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

    /** The names a state-changing call's Host may carry with authentication off: ours, as we advertise them. */
    @Bean
    KnownHosts knownHosts(MasterProperties properties, Environment environment) {
        List<String> names = new ArrayList<>();
        names.add(environment.getProperty("server.address"));
        if (properties.publicUrl() != null) {
            names.add(properties.publicUrl().getHost());
        }
        return new KnownHosts(names);
    }

    /** The connector workers call: heartbeats and state reports never queue behind public traffic. */
    @Bean
    InternalConnector internalConnector(MasterProperties properties) {
        return new InternalConnector(properties.internalPort());
    }

    /** Calls to workers: short connect timeout, and a read timeout so a hung worker cannot hold a thread. */
    @Bean
    RestClient workerRestClient(RestClient.Builder builder, InternalRestClients clients, MasterProperties properties) {
        return clients.build(builder, Duration.ofSeconds(2), properties.workerCallTimeout());
    }
}
