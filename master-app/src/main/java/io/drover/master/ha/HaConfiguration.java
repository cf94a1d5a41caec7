package io.drover.master.ha;

import io.drover.master.config.MasterAddress;
import io.drover.master.config.MasterProperties;
import io.drover.master.config.MasterProperties.RecoveryMode;
import io.drover.master.config.ZooKeeperProperties;
import io.drover.master.persistence.MemoryPersistenceEngine;
import io.drover.master.persistence.PersistenceEngine;
import io.drover.master.persistence.RocksDbPersistenceEngine;
import io.drover.master.persistence.ZooKeeperPersistenceEngine;
import io.drover.master.state.ClusterStateStore;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The recovery mode (DESIGN.md §6): which store keeps the master's state and who decides that it leads.
 * LOCAL: RocksDB in {@code <data-dir>/state}, a single master. ZOOKEEPER: ZooKeeper holds the state and elects
 * the leader among several masters. NONE: memory only, a single master, with a warning.
 */
@Configuration(proxyBeanMethods = false)
class HaConfiguration {

    static final String STATE_DIR = "state";

    private static final Logger log = LoggerFactory.getLogger(HaConfiguration.class);

    /** Connected lazily: only recovery mode ZOOKEEPER asks for it. */
    @Bean(destroyMethod = "close")
    @Lazy
    CuratorFramework zooKeeper(ZooKeeperProperties zk) {
        if (zk.url() == null || zk.url().isBlank()) {
            throw new IllegalStateException("drover.master.recovery-mode=ZOOKEEPER needs drover.zookeeper.url "
                    + "(the ensemble, e.g. zk1:2181,zk2:2181,zk3:2181)");
        }
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(zk.url())
                .sessionTimeoutMs((int) zk.sessionTimeout().toMillis())
                .connectionTimeoutMs((int) zk.connectionTimeout().toMillis())
                .retryPolicy(new ExponentialBackoffRetry(200, 10, 2000))
                .build();
        client.start();
        return client;
    }

    @Bean(destroyMethod = "close")
    PersistenceEngine persistenceEngine(MasterProperties properties, ZooKeeperProperties zk,
            ObjectProvider<CuratorFramework> zooKeeper) {
        return switch (properties.recoveryMode()) {
            case LOCAL -> RocksDbPersistenceEngine.open(properties.dataDir().resolve(STATE_DIR));
            case ZOOKEEPER -> new ZooKeeperPersistenceEngine(zooKeeper.getObject(), zk.dir());
            case NONE -> {
                log.warn("RECOVERY MODE NONE: the master keeps its state in memory only. A restart loses every "
                        + "driver and application it knew, and kills what the workers still run. Use LOCAL "
                        + "(the default) or ZOOKEEPER for anything but tests.");
                yield new MemoryPersistenceEngine();
            }
        };
    }

    @Bean(destroyMethod = "close")
    Leadership leadership(MasterProperties properties, ZooKeeperProperties zk,
            ObjectProvider<CuratorFramework> zooKeeper, ClusterStateStore store, MasterAddress address) {
        if (properties.recoveryMode() == RecoveryMode.ZOOKEEPER) {
            return new ZooKeeperLeadership(zooKeeper.getObject(), zk.dir(), store, address);
        }
        return new SingleMasterLeadership(store);
    }
}
