package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.protocol.state.MasterStatus;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The master's jar run as bin/drover-master runs it, from the bean definitions Spring AOT generated at build
 * time: what an operator sets at run time still decides what the master opens (a condition on a property
 * would have been decided at build time, with the defaults), and the app's own defaults, which decide conditions
 * at build time, were seen there.
 */
class MasterJarIT {

    @RegisterExtension
    final MasterProcesses masters = new MasterProcesses();
    @TempDir
    Path tmp;

    @Test
    void theSparkPortSetAtRunTimeOpensInTheAotProcessedMaster() throws Exception {
        int sparkPort = MasterProcesses.freePort();
        MasterProcess master = masters.start("master", tmp.resolve("logs"),
                "--drover.master.data-dir=" + tmp.resolve("data"), "--drover.spark.rest.enabled=true",
                "--drover.spark.rest.port=" + sparkPort);
        master.awaitStatus(MasterStatus.ALIVE, Duration.ofSeconds(90));

        assertThat(master.output()).as("the master ran its AOT-processed beans")
                .contains("Starting AOT-processed MasterApplication");
        assertThat(new SparkRestClient(sparkPort).get("/v1/submissions/readyz").status()).isEqualTo(200);
    }

    /**
     * The Prometheus endpoint exists only when the exposure the master's builder sets was seen by Spring AOT at
     * build time: an endpoint that is not exposed is not made at all.
     */
    @Test
    void theAotProcessedMasterServesItsMetricsAsItsDefaultsSay() throws Exception {
        MasterProcess master = masters.start("master", tmp.resolve("logs"),
                "--drover.master.data-dir=" + tmp.resolve("data"));
        master.awaitStatus(MasterStatus.ALIVE, Duration.ofSeconds(90));

        HttpResponse<String> scrape = HttpClient.newHttpClient().send(
                Credentials.authorized(master.url + "/actuator/prometheus").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("drover_");
    }
}
