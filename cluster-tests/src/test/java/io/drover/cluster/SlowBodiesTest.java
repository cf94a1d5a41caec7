package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.DriverState;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: 260 unauthenticated connections sending a body one byte every 4 s once made every authorized call
 * time out and got a worker declared DEAD. Here 300 such connections press on a server for several worker
 * timeouts while heartbeats, state reports and authorized calls go on.
 */
class SlowBodiesTest {

    /** Short, so that starved heartbeats would get the worker declared DEAD within the attack. */
    private static final Duration WORKER_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ATTACK = Duration.ofSeconds(12);
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @TempDir
    static Path work;
    private static TestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(work, WORKER_TIMEOUT);
        cluster.addWorker(2, 512);
    }

    @AfterAll
    static void stop() {
        cluster.close();
        NoProcessesLeft.assertNoneLeft();
    }

    @Test
    void slowBodiesOnTheMastersPublicPortStarveNeitherHeartbeatsNorAuthorizedCalls() throws Exception {
        try (SlowBodies attack = new SlowBodies(cluster.masterUrl, "/api/v1/drivers", JSON, 300, Duration.ofSeconds(3))) {
            masterAnswersAndTheWorkerLivesThroughTheAttack();
            assertThat(attack.reopened).as("the server closed refused connections instead of reading on").hasPositiveValue();
        }
    }

    /** A login form must be read before anyone is known: those reads are bounded, and cost only logins. */
    @Test
    void slowLoginFormsCostNeitherHeartbeatsNorAuthorizedCalls() throws Exception {
        try (SlowBodies attack = new SlowBodies(cluster.masterUrl, "/login", FORM, 300, Duration.ofSeconds(3))) {
            masterAnswersAndTheWorkerLivesThroughTheAttack();
        }
    }

    private static void masterAnswersAndTheWorkerLivesThroughTheAttack() {
        await("an authorized call within 1 s and the worker ALIVE, all through the attack")
                .during(ATTACK).atMost(ATTACK.plusSeconds(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> answersWithinOneSecond(cluster.masterUrl + "/api/v1/cluster") && workerAlive());
    }

    @Test
    void slowBodiesOnTheWorkersPublicPortDoNotKeepItFromRunningWork() throws Exception {
        try (SlowBodies attack = new SlowBodies(cluster.workerUrl(1), "/api/v1/worker", JSON, 300, Duration.ofSeconds(3))) {
            String driverId = cluster.client.submitDriver(new SubmitDriverRequest("under-attack", null,
                    CommandSpec.executable("/bin/sh", List.of("-c", "exit 0")), 1, 64L, false));

            await("the driver launched, ran and reported, all through the attack").atMost(ATTACK)
                    .until(() -> cluster.client.driver(driverId).state(), DriverState.FINISHED::equals);
            await("an authorized call to the worker within 1 s, and the worker ALIVE")
                    .during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(250))
                    .until(() -> answersWithinOneSecond(cluster.workerUrl(1) + "/api/v1/worker") && workerAlive());
        }
    }

    private static boolean answersWithinOneSecond(String url) throws Exception {
        HttpResponse<String> answer = HTTP.send(Credentials.authorized(url).timeout(Duration.ofSeconds(1)).build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 200;
    }

    private static boolean workerAlive() {
        List<WorkerEntry> workers = List.copyOf(cluster.masterContext().getBean(ClusterStateStore.class).snapshot()
                .workers().values());
        return workers.size() == 1 && workers.get(0).isConnected();
    }
}
