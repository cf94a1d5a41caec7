package io.drover.worker.config;

import io.drover.server.InternalRestClients;
import io.drover.server.ServerScheme;
import io.drover.server.connector.InternalConnector;
import io.drover.server.security.AuthProperties;
import io.drover.server.security.ClusterSecret;
import io.drover.server.security.DriverTokenCheck;
import io.drover.server.security.KnownHosts;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The worker's shared infrastructure beans; time, randomness and HTTP come in here so tests can swap them. */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

    /** Short timeouts: a master that does not answer in seconds is treated as unreachable and retried. */
    static final Duration MASTER_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration MASTER_READ_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** java.util.Random is thread-safe, unlike most other RandomGenerator algorithms. */
    @Bean
    RandomGenerator randomGenerator() {
        return new Random();
    }

    @Bean
    AdvertisedHost advertisedHost(@Value("${server.address:127.0.0.1}") String bindAddress, Environment environment) {
        return AdvertisedHost.fromBindAddress(bindAddress, ServerScheme.of(environment));
    }

    /**
     * A worker must be told the cluster secret (or the file the master wrote it to): unlike the master it
     * never makes one up, since a secret of its own would match no master.
     */
    @Bean
    ClusterSecret clusterSecret(AuthProperties auth) {
        return ClusterSecret.resolve(auth, null);
    }

    /**
     * A worker cannot tell whether a driver elsewhere has ended, so it takes no driver tokens at all: a
     * driver reads its logs through the master, which checks that the driver still runs (issue 10).
     */
    @Bean
    DriverTokenCheck driverTokenCheck() {
        return DriverTokenCheck.NEVER;
    }

    /** The names a state-changing call's Host may carry with authentication off: ours, as we advertise them. */
    @Bean
    KnownHosts knownHosts(WorkerProperties properties, AdvertisedHost advertised,
            @Value("${server.address:127.0.0.1}") String bindAddress) {
        List<String> names = new ArrayList<>(List.of(bindAddress, advertised.host()));
        if (properties.publicUrl() != null && properties.publicUrl().getHost() != null) {
            names.add(properties.publicUrl().getHost());
        }
        return new KnownHosts(names);
    }

    /** The connector the master calls: launches and kills never queue behind public traffic. */
    @Bean
    InternalConnector internalConnector(WorkerProperties properties) {
        return new InternalConnector(properties.internalPort());
    }

    /** The client for the master's {@code /internal/v1}; bodies use the application's JSON mapper. */
    @Bean
    RestClient masterRestClient(RestClient.Builder builder, InternalRestClients clients) {
        return clients.build(builder, MASTER_CONNECT_TIMEOUT, MASTER_READ_TIMEOUT);
    }
}
