package io.drover.master.state.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.master.state.model.DriverEntry;
import io.drover.protocol.Scheduling;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.internal.RegisterWorker;
import io.drover.protocol.ids.IdGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drivers whose command needs Spark ({@code {{SPARK_CLASSPATH}}}) and the workers that have it (issue 12). */
class SparkPlacementTest {

    private final EngineHarness h = new EngineHarness();

    private String registerWorker(int port, String sparkVersion) {
        String id = IdGenerator.workerId(h.clock, "127.0.0.1", port);
        h.apply(new Command.RegisterWorkerCommand(new RegisterWorker(id, "127.0.0.1", port, "http://127.0.0.1:" + port,
                4, 8192, 0, List.of(), List.of(), null, null, Map.of(),
                sparkVersion == null ? Map.of() : Map.of(Scheduling.SPARK_VERSION_ATTRIBUTE, sparkVersion), null)));
        return id;
    }

    private String submitSparkDriver() {
        CommandSpec command = CommandSpec.jvm("org.example.Main", List.of("{{SPARK_CLASSPATH}}"), List.of());
        return h.apply(new Command.SubmitDriverCommand(
                new SubmitDriverRequest("spark", null, command, 1, 512L, false), "alice"));
    }

    @Test
    void aSparkDriverIsPlacedOnTheWorkerThatHasSpark() {
        registerWorker(8081, null);
        String spark = registerWorker(8082, "4.2.0");
        registerWorker(8083, null);

        String driverId = submitSparkDriver();

        DriverEntry driver = h.snapshot().driver(driverId).orElseThrow();
        assertThat(driver.workerId()).isEqualTo(spark);
        assertThat(h.snapshot().worker(spark).orElseThrow().sparkVersion()).isEqualTo("4.2.0");
    }

    @Test
    void aSparkDriverIsRefusedWhenNoAliveWorkerHasSparkAndNothingChanges() {
        registerWorker(8081, null);

        assertThatThrownBy(this::submitSparkDriver).isInstanceOfSatisfying(CommandRejected.class, e -> {
            assertThat(e.reason()).isEqualTo(CommandRejected.Reason.INVALID);
            assertThat(e.getMessage()).contains("needs Spark").contains("drover.worker.spark-home");
        });
        assertThat(h.snapshot().drivers()).isEmpty();
    }

    @Test
    void aSparkDriverWaitsWhileNoWorkerIsAliveAndGoesToTheFirstWithSpark() {
        String driverId = submitSparkDriver();
        registerWorker(8081, null);
        assertThat(h.snapshot().driver(driverId).orElseThrow().isWaiting()).isTrue();

        String spark = registerWorker(8082, "4.2.0");

        assertThat(h.snapshot().driver(driverId).orElseThrow().workerId()).isEqualTo(spark);
    }

    @Test
    void executorsThatNeedSparkGoOnlyToWorkersWithSpark() {
        registerWorker(8081, null);
        String spark = registerWorker(8082, "4.2.0");
        CommandSpec executor = CommandSpec.jvm("org.example.Executor", List.of("{{SPARK_CLASSPATH}}"), List.of());

        String appId = h.apply(new Command.RegisterApplicationCommand(new RegisterApplicationRequest("spark app",
                executor, null, 1, 512L, 4, null, null, null), "alice"));

        assertThat(h.snapshot().application(appId).orElseThrow().executors().values())
                .hasSize(4).allMatch(e -> e.workerId().equals(spark));
    }
}
