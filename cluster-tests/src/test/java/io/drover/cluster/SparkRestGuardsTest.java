package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.cluster.SparkRestClient.Answer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What keeps the Spark port, whose client sends no credentials, from being anyone's way into the cluster: the
 * trusted networks, the allowed app resources, and the refusal of Spark drivers no worker can run.
 */
class SparkRestGuardsTest {

    @TempDir
    Path root;

    private TestCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        NoProcessesLeft.assertNoneLeft();
    }

    private SparkRestClient start(String... masterArgs) {
        String[] args = new String[masterArgs.length + 2];
        args[0] = "--drover.spark.rest.enabled=true";
        args[1] = "--drover.spark.rest.port=0";
        System.arraycopy(masterArgs, 0, args, 2, masterArgs.length);
        cluster = TestCluster.start(root.resolve("cluster"), args);
        return new SparkRestClient(SparkRestClient.sparkPort(cluster.masterContext()));
    }

    private static String create(String appResource) {
        return SparkRestClient.createRequest(appResource, "anchors.Hello", List.of(), Map.of(), Map.of());
    }

    @Test
    void everyRequestFromOutsideTheTrustedNetworksIsRefusedAndChangesNothing() throws Exception {
        SparkRestClient spark = start("--drover.spark.rest.trusted-networks=10.0.0.0/8,192.168.0.0/16");

        for (Answer answer : List.of(spark.post("/v1/submissions/create", create("file:/tmp/app.jar")),
                spark.get("/v1/submissions/readyz"), spark.post("/v1/submissions/killall", null))) {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.field("action")).isEqualTo("ErrorResponse");
            assertThat(answer.field("message")).contains("127.0.0.1").contains("drover.spark.rest.trusted-networks");
        }
        assertThat(cluster.client.drivers()).isEmpty();
    }

    /**
     * Found by the fuzz: a refusal written before the body was read closed the connection without saying so
     * (its length set, the answer was already sent), and the client's next request on it read nothing back.
     */
    @Test
    void aRefusalThatLeavesTheBodyUnreadTellsTheClientTheConnectionCloses() throws Exception {
        start("--drover.spark.rest.trusted-networks=10.0.0.0/8");
        String body = create("file:/tmp/app.jar");

        String head;
        try (Socket socket = new Socket("127.0.0.1", SparkRestClient.sparkPort(cluster.masterContext()))) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /v1/submissions/create HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            head = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .split("\r\n\r\n", 2)[0];
        }

        assertThat(head).startsWith("HTTP/1.1 403").containsIgnoringCase("Connection: close");
    }

    @Test
    void anAppResourceOutsideTheAllowedPatternsIsRefused() throws Exception {
        SparkRestClient spark = start("--drover.spark.rest.allowed-app-resources=file:/opt/jobs/.*\\.jar");

        Answer refused = spark.post("/v1/submissions/create", create("file:/tmp/evil.jar"));
        Answer accepted = spark.post("/v1/submissions/create", create("file:/opt/jobs/etl.jar"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.field("message")).contains("file:/tmp/evil.jar")
                .contains("drover.spark.rest.allowed-app-resources");
        assertThat(accepted.field("success")).isEqualTo("true");
        assertThat(cluster.client.drivers()).hasSize(1);
    }

    @Test
    void aSparkSubmissionIsRefusedWhenNoWorkerHasSpark() throws Exception {
        SparkRestClient spark = start();
        cluster.addWorker(1, 1024);

        Answer answer = spark.post("/v1/submissions/create", create("file:/tmp/app.jar"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.field("message")).contains("needs Spark").contains("drover.worker.spark-home");
        assertThat(cluster.client.drivers()).isEmpty();
    }

    @Test
    void theSparkPortIsClosedUnlessEnabled() {
        cluster = TestCluster.start(root.resolve("cluster"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SparkRestClient.sparkPort(cluster.masterContext()))
                .isInstanceOf(IllegalStateException.class);
    }
}
