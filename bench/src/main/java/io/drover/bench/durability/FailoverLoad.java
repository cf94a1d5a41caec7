package io.drover.bench.durability;

import io.drover.client.DroverClient;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.MasterStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.curator.test.TestingServer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Failover with ZooKeeper and the default settings: two masters from their jar, one worker running a few
 * long drivers; the leader is killed ({@code kill -9}) and the time until the standby is ALIVE is measured,
 * then the killed master comes back as the standby and the next round kills the other one.
 */
final class FailoverLoad {

    private static final int DRIVERS = 4;

    /** The failover times, and how many running drivers were not the same process afterwards. */
    record Result(List<Duration> failovers, int killed, int lost) {
    }

    private FailoverLoad() {
    }

    static Result run(Path dir, TestingServer zooKeeper, String secret, int rounds) throws Exception {
        List<String> settings = List.of("--drover.master.recovery-mode=ZOOKEEPER",
                "--drover.zookeeper.url=" + zooKeeper.getConnectString());
        MasterJar first = MasterJar.start(Files.createDirectories(dir.resolve("a")), "master", secret, settings);
        MasterJar second = null;
        ConfigurableApplicationContext worker = null;
        try {
            DroverClient toFirst = client(first, secret);
            first.awaitStatus(toFirst, MasterStatus.ALIVE, Duration.ofMinutes(2));
            second = MasterJar.start(Files.createDirectories(dir.resolve("b")), "master", secret, settings);
            second.awaitStatus(client(second, secret), MasterStatus.STANDBY, Duration.ofMinutes(2));
            worker = DurabilityBenchmark.worker(dir, List.of(first.url, second.url), secret, 8);
            DroverClient both = DroverClient.builder(first.url + "," + second.url).bearerToken(secret)
                    .failoverTimeout(Duration.ofMinutes(2)).build();
            DurabilityBenchmark.awaitWorker(both);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < DRIVERS; i++) {
                ids.add(both.submitDriver(new SubmitDriverRequest("long-" + i, null,
                        CommandSpec.executable("/bin/sleep", List.of("3600")), 1, 64L, false)));
            }
            for (String id : ids) {
                both.awaitDriver(id, s -> s == DriverState.RUNNING, Duration.ofMinutes(1));
            }
            Map<String, DriverView> before = running(both, ids);

            List<Duration> failovers = new ArrayList<>();
            MasterJar leader = first;
            MasterJar standby = second;
            for (int round = 1; round <= rounds; round++) {
                DroverClient toStandby = client(standby, secret);
                long killed = System.nanoTime();
                leader.kill9();
                standby.awaitStatus(toStandby, MasterStatus.ALIVE, Duration.ofMinutes(2));
                failovers.add(Duration.ofNanos(System.nanoTime() - killed));
                MasterJar restarted = leader.restart(dir.resolve(leader == first ? "a" : "b"), "master");
                restarted.awaitStatus(client(restarted, secret), MasterStatus.STANDBY, Duration.ofMinutes(2));
                if (leader == first) {
                    first = restarted;
                } else {
                    second = restarted;
                }
                leader = standby;
                standby = restarted;
                awaitAllRunning(both, ids);
            }
            Map<String, DriverView> after = running(both, ids);
            int notSame = (int) before.values().stream().filter(d -> {
                DriverView now = after.get(d.driverId());
                return now == null || !d.pid().equals(now.pid()) || !d.startedAt().equals(now.startedAt());
            }).count();
            return new Result(failovers, notSame, ids.size() - after.size());
        } finally {
            if (worker != null) {
                worker.close();
            }
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    private static DroverClient client(MasterJar master, String secret) {
        return DroverClient.builder(master.url).bearerToken(secret).failoverTimeout(Duration.ofMillis(100)).build();
    }

    /** After a failover the worker reports its drivers to the new leader; waits until it knows them all. */
    private static void awaitAllRunning(DroverClient client, List<String> ids) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (running(client, ids).size() < ids.size() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private static Map<String, DriverView> running(DroverClient client, List<String> ids) {
        return client.drivers().stream().filter(d -> ids.contains(d.driverId()) && d.state() == DriverState.RUNNING)
                .collect(Collectors.toMap(DriverView::driverId, Function.identity()));
    }
}
