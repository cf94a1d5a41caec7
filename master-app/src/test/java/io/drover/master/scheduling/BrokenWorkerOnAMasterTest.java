package io.drover.master.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.master.scheduling.ScriptedWorker.Behaviour;
import io.drover.protocol.Paths;
import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.api.WorkerView;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Broken workers do not eat work (issue 14): beside a healthy worker, one whose work directory went read-only
 * refuses every launch for its own reasons. Every driver still ends FINISHED on the healthy one, an application
 * gets its executors, and the broken worker is shown unhealthy with its reason.
 */
class BrokenWorkerOnAMasterTest {

    private static final CommandSpec SLEEP = CommandSpec.executable("/bin/sleep", List.of("600"));
    private static final Duration WAIT = Duration.ofSeconds(30);

    // Three launch attempts would end a driver ERROR; refusals must not count as attempts.
    private final MasterOnTest master = new MasterOnTest("drover.master.max-launch-attempts=1",
            "drover.master.max-executor-retries=1");
    private final ScriptedWorker broken = new ScriptedWorker(master, 16, 16384, Behaviour.REFUSES);
    private final ScriptedWorker healthy = new ScriptedWorker(master, 4, 16384, Behaviour.RUNS);

    @AfterEach
    void stop() {
        broken.close();
        healthy.close();
        master.close();
    }

    private DriverView driver(String id) {
        return master.get(Paths.DRIVERS + "/" + id, DriverView.class);
    }

    @Test
    void everyDriverEndsFinishedOnTheHealthyWorkerTheApplicationGetsItsExecutorsAndTheBrokenOneIsUnhealthy() {
        broken.register();
        String appId = master.postFor(Paths.APPLICATIONS, new RegisterApplicationRequest("app", SLEEP, null, 1,
                512L, 2, null, null, null), "appId");
        healthy.register();
        List<String> drivers = IntStream.range(0, 12).mapToObj(i -> master.postFor(Paths.DRIVERS,
                new SubmitDriverRequest("d" + i, null, SLEEP, 1, 256L, false), "driverId")).toList();

        // The healthy worker runs what it is given and finishes it, a few at a time (it has 4 cores, 2 for executors).
        await().atMost(WAIT).until(() -> {
            for (String id : drivers) {
                DriverView d = driver(id);
                if (d.state() == DriverState.RUNNING && healthy.workerId().equals(d.workerId())) {
                    healthy.reportDriver(id, DriverState.FINISHED, 0);
                }
            }
            return drivers.stream().allMatch(id -> driver(id).state().isTerminal());
        });

        assertThat(drivers).allSatisfy(id -> {
            assertThat(driver(id).state()).isEqualTo(DriverState.FINISHED);
            assertThat(driver(id).workerId()).isEqualTo(healthy.workerId());
        });
        assertThat(broken.driverLaunches.size() + broken.executorLaunches.size()).as("the broken worker was tried")
                .isPositive();
        ApplicationView app = await().atMost(WAIT).until(
                () -> master.get(Paths.APPLICATIONS + "/" + appId, ApplicationView.class),
                a -> a.executors().stream().filter(e -> e.state() == ExecutorState.RUNNING).count() == 2);
        assertThat(app.state()).isEqualTo(ApplicationState.RUNNING);
        assertThat(app.executors()).filteredOn(e -> e.state() == ExecutorState.RUNNING)
                .extracting(ExecutorView::workerId).containsOnly(healthy.workerId());
        assertThat(app.executors()).filteredOn(e -> e.workerId().equals(broken.workerId()))
                .allSatisfy(e -> assertThat(e.state()).isEqualTo(ExecutorState.LOST));

        WorkerView shown = master.get(Paths.WORKERS + "/" + broken.workerId(), WorkerView.class);
        assertThat(shown.healthy()).isFalse();
        assertThat(shown.healthReason()).isEqualTo(ScriptedWorker.READ_ONLY);
        assertThat(master.text("/workers/" + broken.workerId())).contains("unhealthy: " + ScriptedWorker.READ_ONLY);
        assertThat(master.text("/")).contains("state-UNHEALTHY");
        assertThat(master.text("/actuator/prometheus")).contains("drover_workers_unhealthy 1.0");
    }

    @Test
    void aBrokenWorkerStaysOutOfPlacementWhileItsHeartbeatsSayItIsUnhealthy() {
        broken.register();
        String first = master.postFor(Paths.DRIVERS, new SubmitDriverRequest("d", null, SLEEP, 1, 256L, false),
                "driverId");
        await().atMost(WAIT).until(() -> !master.get(Paths.WORKERS + "/" + broken.workerId(), WorkerView.class)
                .healthy());

        broken.heartbeat(List.of(), List.of());

        await().atMost(WAIT).until(() -> ("no alive worker takes new work: 1 worker unhealthy")
                .equals(driver(first).waitingReason()));
        assertThat(driver(first).state()).isEqualTo(DriverState.SUBMITTED);
    }
}
