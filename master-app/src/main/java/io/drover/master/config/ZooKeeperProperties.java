package io.drover.master.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * ZooKeeper for recovery mode ZOOKEEPER, {@code drover.zookeeper.*}: where the masters elect their leader
 * and keep the state.
 *
 * @param url the ensemble, as ZooKeeper's connect string ({@code zk1:2181,zk2:2181,zk3:2181})
 * @param dir the root node under which Drover keeps everything
 * @param sessionTimeout how long ZooKeeper waits for a silent master before its session ends: a crashed
 *     leader is replaced after about this long, so it bounds the failover time
 * @param connectionTimeout how long to wait for a connection to the ensemble
 */
@Validated
@ConfigurationProperties("drover.zookeeper")
public record ZooKeeperProperties(
        String url,
        @DefaultValue("/drover") String dir,
        @DefaultValue("5s") Duration sessionTimeout,
        @DefaultValue("5s") Duration connectionTimeout) {

    public ZooKeeperProperties {
        if (!dir.startsWith("/") || dir.length() > 1 && dir.endsWith("/")) {
            throw new IllegalArgumentException("drover.zookeeper.dir must be an absolute ZooKeeper path like /drover");
        }
    }
}
