package io.drover.master.state;

import io.drover.master.config.MasterAddress;
import io.drover.master.config.MasterProperties;
import io.drover.master.persistence.PersistenceEngine;
import io.drover.master.scheduling.QueueDefinition;
import io.drover.master.scheduling.SchedulingSettings;
import io.drover.master.state.machine.ClusterStateMachine;
import io.drover.master.state.machine.MachineSettings;
import io.drover.master.state.machine.MasterState;
import io.drover.master.state.machine.SubmissionQuota;
import io.drover.master.state.storage.StateStorage;
import io.drover.protocol.ids.IdGenerator;
import java.time.Clock;
import java.util.random.RandomGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the one owner of the master's state over the store the recovery mode chose. The store is started
 * by the leadership (ha), once the master knows its URL and whether it leads.
 */
@Configuration(proxyBeanMethods = false)
class StateConfiguration {

    /** How rounds place, read from {@code drover.master.*}; a queue configured twice stops the start. */
    @Bean
    SchedulingSettings schedulingSettings(MasterProperties properties) {
        return new SchedulingSettings(properties.maxDrivers(), properties.spreadOutDrivers(), properties.spreadOut(),
                properties.workerSelectionPolicy(), properties.queues().stream()
                        .map(q -> new QueueDefinition(q.name(), q.weight(), q.maxCores())).toList());
    }

    @Bean(destroyMethod = "close")
    ClusterStateStore clusterStateStore(MasterProperties properties, MasterAddress address, Clock clock,
            RandomGenerator random, PersistenceEngine persistence, SchedulingSettings scheduling) {
        MasterState state = new MasterState(address::url, properties.retainedDrivers(),
                properties.retainedApplications());
        MachineSettings settings = new MachineSettings(properties.workerTimeout(), properties.deadWorkerRetention(),
                properties.maxLaunchAttempts(), properties.maxExecutorRetries(), properties.defaultCores(),
                properties.effectiveRecoveryTimeout(), new SubmissionQuota(
                        properties.quotas().maxDrivers(), properties.quotas().maxApplications(),
                        properties.quotas().maxBytes().toBytes()), scheduling);
        return new ClusterStateStore(new ClusterStateMachine(state, settings, clock, new IdGenerator(clock), random),
                new StateStorage(persistence));
    }
}
