package io.drover.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.bench.Daemon;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The simulated-cluster harness works (issue 13): a small configuration of it against a real master in its own
 * process, started from this module's class path (nothing is packaged during {@code test}). The figures are
 * printed, never asserted: the big runs are benchmarks.
 */
class SimulatedClusterTest {

    @Test
    void aHundredSimulatedWorkersRegisterHeartbeatAndRunExecutorsOnARealMaster() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SimulatedCluster.Options options = SimulatedCluster.Options.parse("--workers=100", "--worker-timeout=4s",
                "--heartbeat-seconds=3", "--apps=2", "--executors=50", "--run-for=2s", "--master-opts=-Xmx256m");

        SimulatedCluster.Result result = new SimulatedCluster(options, Daemon.Launch.classPath(),
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        String report = printed.toString(StandardCharsets.UTF_8);
        System.out.print(report);
        assertThat(result.complete()).isTrue();
        assertThat(result.registered()).isEqualTo(100);
        assertThat(result.heartbeats()).isPositive();
        assertThat(result.falseDead()).isZero();
        assertThat(result.placements()).isEqualTo(100);
        assertThat(report).contains("storm", "heartbeat round trip", "master RSS", "false DEAD",
                "executor placements/s", "state report round trip");
    }
}
