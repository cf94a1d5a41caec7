package io.drover.master.state.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.master.scheduling.QueueDefinition;
import io.drover.master.scheduling.SchedulingSettings;
import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.internal.ExecutorStateChanged;
import io.drover.protocol.internal.StateReports;
import io.drover.protocol.state.ExecutorState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Queues, priorities and custom resources as the state machine keeps them, and what a round leaves waiting. */
class SchedulingStateTest {

    private static final CommandSpec SLEEP = CommandSpec.executable("/bin/sleep", List.of("600"));

    private final EngineHarness h = new EngineHarness(SchedulingSettings.defaults()
            .withQueues(List.of(new QueueDefinition("etl", 3, 4))));

    private String submit(String queue, int cores, Map<String, Integer> resources) {
        return h.apply(new Command.SubmitDriverCommand(new SubmitDriverRequest("d", null, SLEEP, cores, 256L, false,
                queue, 2, resources), "alice"));
    }

    private String register(String queue, Integer coresPerExecutor, Integer maxCores, Map<String, Integer> resources) {
        return h.apply(new Command.RegisterApplicationCommand(new RegisterApplicationRequest("app", SLEEP, null,
                coresPerExecutor, 256L, maxCores, null, null, null, queue, 0, resources), "alice"));
    }

    private ApplicationEntry app(String appId) {
        return h.snapshot().application(appId).orElseThrow();
    }

    @Test
    void aQueueThatDoesNotExistIsRefusedNamingTheQueues() {
        assertThatThrownBy(() -> submit("nope", 1, Map.of())).isInstanceOfSatisfying(CommandRejected.class, e -> {
            assertThat(e.reason()).isEqualTo(CommandRejected.Reason.INVALID);
            assertThat(e.getMessage()).isEqualTo("queue: no queue 'nope'; the queues are default, etl");
        });
    }

    @Test
    void moreCoresThanTheQueueMayHoldAreRefused() {
        assertThatThrownBy(() -> register("etl", 8, null, Map.of())).isInstanceOfSatisfying(CommandRejected.class,
                e -> assertThat(e.getMessage()).isEqualTo("coresPerExecutor: 8 is more than queue 'etl' may hold "
                        + "(its max-cores is 4)"));
    }

    @Test
    void moreOfAResourceThanAnyWorkerOffersIsRefused() {
        h.registerWorker(8081, 8, 8192, Map.of("gpu", List.of("0", "1")));

        assertThatThrownBy(() -> submit("default", 1, Map.of("gpu", 3))).isInstanceOfSatisfying(CommandRejected.class,
                e -> assertThat(e.getMessage())
                        .isEqualTo("resources.gpu: 3 is more than any worker offers (largest: 2)"));
    }

    @Test
    void queueAndPriorityAreKeptOnTheEntries() {
        String driverId = submit("etl", 1, Map.of());

        DriverEntry driver = h.snapshot().driver(driverId).orElseThrow();
        assertThat(driver.queueing().queue()).isEqualTo("etl");
        assertThat(driver.queueing().priority()).isEqualTo(2);
    }

    @Test
    void anExecutorsGpuGoesBackToItsWorkerWhenItEndsAndTheNextOneGetsIt() {
        String worker = h.registerWorker(8081, 8, 8192, Map.of("gpu", List.of("0", "1")));
        String appId = register("default", 1, 3, Map.of("gpu", 1));
        assertThat(app(appId).executors().values()).extracting(e -> e.resourceAddresses().get("gpu"))
                .containsExactly(List.of("0"), List.of("1"));
        assertThat(h.snapshot().waiting().application(appId)).isNull(); // it got executors this round
        assertThat(h.snapshot().worker(worker).orElseThrow().resources().free()).containsEntry("gpu", List.of());

        h.apply(new Command.StatesChangedCommand(worker, new StateReports(List.of(),
                List.of(new ExecutorStateChanged(appId, 0, ExecutorState.EXITED, 0, null)))));

        ExecutorEntry third = app(appId).executors().get(2);
        assertThat(third.resourceAddresses()).containsEntry("gpu", List.of("0"));
        WorkerEntry after = h.snapshot().worker(worker).orElseThrow();
        assertThat(after.resources().used()).containsEntry("gpu", List.of("1", "0"));
        assertThat(h.effectsOf(Effect.SendLaunchExecutor.class)).last()
                .satisfies(e -> assertThat(e.message().description().resourceAddresses())
                        .containsEntry("gpu", List.of("0")));
    }

    @Test
    void aDriversAddressesGoInItsLaunch() {
        h.registerWorker(8081, 8, 8192, Map.of("gpu", List.of("7")));

        submit("default", 1, Map.of("gpu", 1));

        assertThat(h.effectsOf(Effect.SendLaunchDriver.class)).singleElement()
                .satisfies(e -> assertThat(e.message().resourceAddresses()).containsEntry("gpu", List.of("7")));
    }

    @Test
    void whatWaitsHasItsReasonInTheSnapshotUntilItIsPlaced() {
        String appId = register("etl", 1, null, Map.of());
        String driverId = submit("etl", 4, Map.of());
        assertThat(h.snapshot().waiting().application(appId)).isEqualTo("no alive worker");

        h.registerWorker(8081, 2, 8192);

        assertThat(h.snapshot().waiting().driver(driverId)).isEqualTo(("no alive worker has 4 free cores and 256 MiB "
                + "(the most any has free: 0 cores)")); // as the round left them: the application took both
        assertThat(app(appId).executors()).hasSize(2);
        assertThat(h.snapshot().waiting().application(appId)).isNull();
    }
}
