package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.client.DroverClient;
import io.drover.examples.PiPartition;
import io.drover.protocol.Paths;
import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.ClusterView;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.LogStream;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.api.WorkerStatus;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.internal.DriverDescription;
import io.drover.protocol.internal.KillDriver;
import io.drover.protocol.internal.LaunchDriver;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import io.drover.protocol.state.MasterStatus;
import io.drover.protocol.state.WorkerState;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9, several masters: a real ZooKeeper (Curator's {@code TestingServer}), two masters from their jar in
 * recovery mode ZOOKEEPER, workers in this JVM that know both. The leader dies ({@code kill -9}) or freezes
 * ({@code SIGSTOP}); the standby takes over, and nothing the workers run is killed.
 */
class ZooKeeperFailoverIT {

    private static final Duration LONG = Duration.ofSeconds(120);
    /** Short, so a dead leader's session ends quickly; the benchmark measures the default (5 s). */
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(3);
    /** ZooKeeper grants sessions of 2 to 20 ticks: 250 ms ticks allow the short one above. */
    private static final int TICK_MS = 250;
    private static final int PI_PARTITIONS = 96;
    private static final long PI_SAMPLES = 10_000_000;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    final MasterProcesses masters = new MasterProcesses();
    private final Workers workers = masters.workers();
    @TempDir
    Path tmp;
    private TestingServer zooKeeper;
    private MasterProcess leader;
    private MasterProcess standby;
    private DroverClient client;

    @BeforeEach
    void startZooKeeperAndTwoMasters() throws Exception {
        zooKeeper = new TestingServer(new InstanceSpec(tmp.resolve("zookeeper").toFile(), -1, -1, -1, true, -1,
                TICK_MS, -1), true);
        leader = startMaster("master-a");
        leader.awaitStatus(MasterStatus.ALIVE, LONG);
        standby = startMaster("master-b");
        standby.awaitStatus(MasterStatus.STANDBY, LONG);
        client = DroverClient.builder(leader.url + "," + standby.url).bearerToken(Credentials.SECRET)
                .failoverTimeout(LONG).build();
    }

    private MasterProcess startMaster(String name) {
        return masters.start(name, tmp.resolve("logs"),
                "--drover.master.recovery-mode=ZOOKEEPER",
                "--drover.zookeeper.url=" + zooKeeper.getConnectString(),
                "--drover.zookeeper.session-timeout=" + SESSION_TIMEOUT.toMillis() + "ms",
                "--drover.master.data-dir=" + tmp.resolve(name + "-data"));
    }

    /** The masters and workers stop first (what the extension does after each test), ZooKeeper last. */
    @AfterEach
    void stopZooKeeperLast() throws IOException {
        masters.afterEach(null);
        zooKeeper.close();
    }

    private Workers.Worker startWorker(String name, int cores, long memoryMb) {
        return workers.start(List.of(leader.url, standby.url), tmp.resolve(name), cores, memoryMb);
    }

    private void awaitWorkersAlive(int count) {
        await("workers ALIVE").atMost(LONG).until(() -> client.workers().stream()
                .filter(w -> w.state() == WorkerState.ALIVE).count() == count);
    }

    /** Waits until the standby leads, and returns how long that took from {@code since} (System.nanoTime). */
    private long awaitStandbyAlive(long since) {
        standby.awaitStatus(MasterStatus.ALIVE, LONG);
        return (System.nanoTime() - since) / 1_000_000;
    }

    @Test
    void killingTheLeaderMidJobLetsTheStandbyLeadWhileThePiJobRunsOnToTheRightAnswerWithNothingKilled()
            throws Exception {
        Workers.Worker first = startWorker("worker-1", 2, 1536);
        Workers.Worker second = startWorker("worker-2", 2, 1536);
        awaitWorkersAlive(2);
        String driverId = client.submitDriver(new SubmitDriverRequest("pi", ExampleJar.path().toUri().toString(),
                CommandSpec.jvm("io.drover.examples.PiDriver", List.of("{{APP_RESOURCE}}"), List.of(
                        Integer.toString(PI_PARTITIONS), Long.toString(PI_SAMPLES), "2")), 1, 512L, false));
        DriverView driver = client.awaitDriver(driverId, s -> s == DriverState.RUNNING, LONG);
        String appId = await("its application").atMost(LONG).until(() -> client.applications().stream()
                .filter(a -> driverId.equals(a.driverId())).findFirst().orElse(null), a -> a != null).appId();
        await("two executors RUNNING").atMost(LONG).until(() -> client.application(appId).executors().stream()
                .filter(e -> e.state() == ExecutorState.RUNNING).count() == 2);
        // A process started again would have another start time: these prove the same processes ran on.
        Map<Integer, Instant> executorStarts = client.application(appId).executors().stream()
                .filter(e -> e.state() == ExecutorState.RUNNING)
                .collect(Collectors.toMap(ExecutorView::executorId, ExecutorView::startedAt));
        assertThat(environmentOf(driver.pid())).containsEntry("DROVER_MASTER_URLS", leader.url + "," + standby.url);

        long killed = System.nanoTime();
        leader.kill9();
        long failoverMs = awaitStandbyAlive(killed);
        System.out.printf("ZooKeeper failover (session timeout %d ms): kill -9 of the leader → standby ALIVE in "
                + "%d ms%n", SESSION_TIMEOUT.toMillis(), failoverMs);

        ClusterView cluster = standby.cluster().orElseThrow();
        assertThat(cluster.leaderUrl()).isEqualTo(standby.url);
        for (Workers.Worker worker : List.of(first, second)) {
            WorkerStatus status = await("the worker follows the new leader").atMost(LONG).until(worker::status,
                    s -> s.masterUrl().equals(standby.url) && s.registered());
            assertThat(status.epoch()).isEqualTo(cluster.epoch());
        }
        DriverView done = client.awaitDriver(driverId, DriverState::isTerminal, LONG);
        String out = client.driverLog(driverId, LogStream.STDOUT, 0, 1 << 20);
        assertThat(done.state()).as(out).isEqualTo(DriverState.FINISHED);
        long inside = IntStream.range(0, PI_PARTITIONS).mapToLong(p -> PiPartition.countInside(p, PI_SAMPLES)).sum();
        assertThat(out).contains("(" + inside + " inside of " + PI_PARTITIONS * PI_SAMPLES + " samples over "
                + PI_PARTITIONS + " partitions)");
        assertThat(done.startedAt()).as("the same driver process").isEqualTo(driver.startedAt());
        assertThat(done.restarts()).isZero();
        ApplicationView app = client.application(appId);
        assertThat(app.executors()).extracting(ExecutorView::state)
                .doesNotContain(ExecutorState.LOST, ExecutorState.FAILED);
        assertThat(app.executors()).filteredOn(e -> executorStarts.containsKey(e.executorId()))
                .hasSize(executorStarts.size())
                .allSatisfy(e -> assertThat(e.startedAt()).isEqualTo(executorStarts.get(e.executorId())));
    }

    @Test
    void aFrozenLeaderThatWakesAfterTheStandbyTookOverChangesNothingAndStepsDown() throws Exception {
        Workers.Worker worker = startWorker("worker", 2, 1024);
        awaitWorkersAlive(1);
        GatedProcesses gated = new GatedProcesses(tmp);
        String driverId = client.submitDriver(new SubmitDriverRequest("gated", null, gated.driver(), 1, 64L, false));
        DriverView running = client.awaitDriver(driverId, s -> s == DriverState.RUNNING, LONG);
        long oldEpoch = leader.cluster().orElseThrow().epoch();
        long kernelStart = GatedProcesses.kernelStartTime(running.pid()).orElseThrow();

        long frozen = System.nanoTime();
        leader.freeze();
        long failoverMs = awaitStandbyAlive(frozen);
        System.out.printf("Leader frozen (SIGSTOP) → standby ALIVE in %d ms%n", failoverMs);
        await("the worker follows the new leader").atMost(LONG).until(worker::status,
                s -> s.masterUrl().equals(standby.url) && s.registered());
        // What a user sends the frozen leader waits in its sockets and reaches it when it wakes.
        CompletableFuture<HttpResponse<String>> kill = send(leader.url + "/api/v1/drivers/" + driverId + "/kill",
                "");
        CompletableFuture<HttpResponse<String>> submit = send(leader.url + "/api/v1/drivers",
                JSON.writeValueAsString(new SubmitDriverRequest("sent-to-the-frozen-leader", null, gated.driver(), 1,
                        64L, false)));
        leader.resume();

        leader.awaitStatus(MasterStatus.STANDBY, LONG);
        await("the woken master names the new leader").atMost(LONG).until(() -> leader.cluster()
                .map(ClusterView::leaderUrl).orElse(""), standby.url::equals);
        assertThat(kill.get().statusCode()).as(kill.get().body()).isGreaterThanOrEqualTo(400);
        assertThat(submit.get().statusCode()).as(submit.get().body()).isGreaterThanOrEqualTo(400);

        assertThat(storedDriverNames()).as("what ZooKeeper holds").doesNotContain("sent-to-the-frozen-leader");
        assertThat(storedDriver(driverId).path("killedBy").isNull()).as("the stored driver was not asked to die")
                .isTrue();
        assertThat(client.drivers()).extracting(DriverView::name).doesNotContain("sent-to-the-frozen-leader");
        DriverView stillRunning = client.driver(driverId);
        assertThat(stillRunning.state()).isEqualTo(DriverState.RUNNING);
        assertThat(stillRunning.pid()).isEqualTo(running.pid());
        assertThat(GatedProcesses.kernelStartTime(running.pid())).as("the same process, alive").hasValue(kernelStart);

        // What the old leader would send the worker, and the worker's answer to it.
        assertThat(postInternal(worker.internalUrl() + Paths.INTERNAL_KILL_DRIVER.replace("{driverId}", driverId),
                JSON.writeValueAsString(new KillDriver(leader.url, oldEpoch)))).isEqualTo(403);
        assertThat(postInternal(worker.internalUrl() + Paths.INTERNAL_LAUNCH_DRIVER, JSON.writeValueAsString(
                new LaunchDriver(leader.url, oldEpoch, "driver-20260101000000-9999", new DriverDescription("stale",
                        null, gated.driver(), 1, 64L, false))))).isEqualTo(403);
        assertThat(worker.status().runningDrivers()).extracting(d -> d.driverId()).containsExactly(driverId);
        assertThat(standby.status()).hasValue(MasterStatus.ALIVE);
        gated.open();
        assertThat(client.awaitDriver(driverId, DriverState::isTerminal, LONG).state()).isEqualTo(DriverState.FINISHED);
    }

    /** A driver's environment, as the kernel holds it. */
    private static Map<String, String> environmentOf(long pid) throws IOException {
        String environ = Files.readString(Path.of("/proc", Long.toString(pid), "environ"), StandardCharsets.UTF_8);
        return java.util.Arrays.stream(environ.split("\0")).filter(v -> v.contains("="))
                .collect(Collectors.toMap(v -> v.substring(0, v.indexOf('=')), v -> v.substring(v.indexOf('=') + 1),
                        (a, b) -> b));
    }

    private CuratorFramework zooKeeperClient() {
        CuratorFramework zk = CuratorFrameworkFactory.newClient(zooKeeper.getConnectString(), new RetryOneTime(100));
        zk.start();
        return zk;
    }

    /** The names of every driver stored in ZooKeeper ({@code /drover/state/driver/<id>}). */
    private List<String> storedDriverNames() throws Exception {
        List<String> names = new ArrayList<>();
        try (CuratorFramework zk = zooKeeperClient()) {
            for (String id : zk.getChildren().forPath("/drover/state/driver")) {
                names.add(JSON.readTree(zk.getData().forPath("/drover/state/driver/" + id))
                        .path("description").path("name").asString());
            }
        }
        return names;
    }

    private JsonNode storedDriver(String driverId) throws Exception {
        try (CuratorFramework zk = zooKeeperClient()) {
            return JSON.readTree(zk.getData().forPath("/drover/state/driver/" + driverId));
        }
    }

    private static CompletableFuture<HttpResponse<String>> send(String url, String json) {
        return HTTP.sendAsync(Credentials.authorized(url).timeout(LONG).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int postInternal(String url, String json) throws IOException, InterruptedException {
        return HTTP.send(Credentials.authorized(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
