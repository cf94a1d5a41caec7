package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.command.CommandSpec;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both apps' Prometheus metrics and readiness, scraped from a real master and worker while work runs. */
class MetricsOnAClusterTest {

    private static final Duration LONG = Duration.ofSeconds(60);

    @TempDir
    Path tmp;
    private TestCluster cluster;

    @BeforeEach
    void start() {
        cluster = TestCluster.start(tmp);
        cluster.addWorker(4, 2048);
    }

    @AfterEach
    void stop() {
        cluster.close();
        NoProcessesLeft.assertNoneLeft();
    }

    private PrometheusText master() {
        return PrometheusText.scrape(cluster.masterUrl);
    }

    private PrometheusText worker() {
        return PrometheusText.scrape(cluster.workerUrl(1));
    }

    @Test
    void coresUsedRiseWhileExecutorsRunAndFallBackToZero() {
        assertThat(master().value("drover_cores_offered")).isEqualTo(4.0);
        assertThat(master().value("drover_cores_used")).isZero();
        assertThat(worker().value("drover_worker_cores_used")).isZero();

        String appId = cluster.client.registerApplication(new RegisterApplicationRequest("metrics",
                CommandSpec.executable("/bin/sh", List.of("-c", "exec sleep 600")), null, 1, 128L, 3, null, null,
                null));

        await().atMost(LONG).until(() -> worker().value("drover_worker_executors_running") == 3.0);
        assertThat(master().value("drover_cores_used")).isEqualTo(3.0);
        assertThat(master().value("drover_memory_used_bytes")).isEqualTo(3 * 128.0 * 1024 * 1024);
        assertThat(worker().value("drover_worker_cores_used")).isEqualTo(3.0);
        assertThat(worker().value("drover_worker_cores_free")).isEqualTo(1.0);
        assertThat(master().value("drover_executors_launched_total")).isEqualTo(3.0);
        assertThat(master().value("drover_applications{state=\"RUNNING\"}")).isEqualTo(1.0);
        String rss = "drover_worker_process_resident_memory_bytes{id=\"" + appId + "/0\",kind=\"executor\"}";
        await().atMost(LONG).until(() -> worker().get(rss).orElse(0.0) > 0.0);

        cluster.client.killApplication(appId);

        await().atMost(LONG).until(() -> master().value("drover_cores_used") == 0.0
                && worker().value("drover_worker_cores_used") == 0.0);
        await().atMost(LONG).until(
                () -> worker().value("drover_worker_process_exits_total{kind=\"executor\",state=\"KILLED\"}") == 3.0);
        assertThat(master().value("drover_applications{state=\"KILLED\"}")).isEqualTo(1.0);
        assertThat(worker().value("drover_worker_process_launch_seconds_count")).isEqualTo(3.0);
    }

    @Test
    void theMasterCountsHeartbeatsAndTimesItsRoundsAndLaunches() {
        cluster.client.submitDriver(new io.drover.protocol.api.SubmitDriverRequest("metrics", null,
                CommandSpec.executable("/bin/true", List.of()), 1, 64L, false));

        await().atMost(LONG).until(() -> master().value("drover_heartbeats_received_total") >= 1.0
                && master().value("drover_driver_submit_to_launch_seconds_count") >= 1.0);
        assertThat(master().value("drover_scheduling_round_seconds_count")).isPositive();
        assertThat(master().value("drover_workers{state=\"ALIVE\"}")).isEqualTo(1.0);
    }

    @Test
    void bothAppsAreLiveAndReadyOnceTheWorkerHasRegistered() throws Exception {
        assertThat(get(cluster.masterUrl + "/actuator/health/liveness")).contains("\"status\":\"UP\"");
        assertThat(get(cluster.masterUrl + "/actuator/health/readiness")).contains("\"status\":\"UP\"");
        assertThat(get(cluster.workerUrl(1) + "/actuator/health/readiness")).contains("\"status\":\"UP\"");
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(Credentials.authorized(url).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
