package io.drover.master.config;

import io.drover.master.persistence.InMemoryPersistenceEngine;
import io.drover.master.persistence.PersistenceEngine;
import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.machine.ClusterStateMachine;
import io.drover.master.state.machine.MachineSettings;
import io.drover.master.state.machine.MasterState;
import io.drover.protocol.ids.IdGenerator;
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

/** Wires the master: clock, randomness, ids, persistence, the state store and the client for workers. */
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

    @Bean
    IdGenerator idGenerator(Clock clock) {
        return new IdGenerator(clock);
    }

    /** Given, or else generated once into the data directory and kept there across restarts (DESIGN.md §7). */
    @Bean
    ClusterSecret clusterSecret(AuthProperties auth, MasterProperties properties) {
        return ClusterSecret.resolve(auth, properties.dataDir().resolve(CLUSTER_SECRET_FILE));
    }

    @Bean(destroyMethod = "close")
    PersistenceEngine persistenceEngine() {
        return new InMemoryPersistenceEngine();
    }

    /**
     * The leader epoch is the master's start time in milliseconds: it grows across restarts, so a worker can
     * tell a master that came back from the one it followed before.
     */
    @Bean(destroyMethod = "close")
    ClusterStateStore clusterStateStore(MasterProperties properties, MasterAddress address, Clock clock,
            IdGenerator ids, RandomGenerator random, PersistenceEngine persistence) {
        MasterState state = new MasterState(address::url, clock.millis(), properties.retainedDrivers(),
                properties.retainedApplications());
        MachineSettings settings = new MachineSettings(properties.workerTimeout(), properties.deadWorkerRetention(),
                properties.maxLaunchAttempts(), properties.maxExecutorRetries(), properties.defaultCores(),
                properties.spreadOut(), properties.quotas().toQuota());
        return new ClusterStateStore(new ClusterStateMachine(state, settings, clock, ids, random), persistence);
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
