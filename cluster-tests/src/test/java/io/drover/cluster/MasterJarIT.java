package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.protocol.state.MasterStatus;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The master's jar run as bin/drover-master runs it, from the bean definitions Spring AOT generated at build
 * time: what an operator sets at run time still decides what the master opens (a condition on a property
 * would have been decided at build time, with the defaults).
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
}
