package io.drover.master.state.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.internal.ExecutorStateChanged;
import io.drover.protocol.internal.Heartbeat;
import io.drover.protocol.internal.StateReports;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.ExecutorState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the master ends itself stays held on its worker until the worker says the process is gone, and a
 * launch the worker refuses for want of room is placed again without counting as a failure (issue 13).
 */
class HeldResourcesTest {

    private static final CommandSpec EXECUTOR = CommandSpec.executable("/bin/sleep", List.of("600"));

    private final EngineHarness h = new EngineHarness(Duration.ofSeconds(8), 3, 3, true);

    private String register(int maxCores) {
        return h.apply(new Command.RegisterApplicationCommand(new RegisterApplicationRequest("app", EXECUTOR, null,
                1, 256L, maxCores, null, null, null), "alice"));
    }

    private ApplicationEntry app(String appId) {
        return h.snapshot().application(appId).orElseThrow();
    }

    private List<ExecutorEntry> live(String appId) {
        return app(appId).executors().values().stream().filter(ExecutorEntry::isLive).toList();
    }

    private int usedCores(String worker) {
        return h.snapshot().worker(worker).orElseThrow().used().cores();
    }

    private void report(String workerId, String appId, int executorId, ExecutorState state) {
        h.apply(new Command.StatesChangedCommand(workerId, new StateReports(List.of(),
                List.of(new ExecutorStateChanged(appId, executorId, state, null, null)))));
    }

    @Test
    void theCoresOfAFinishedApplicationStayHeldUntilItsWorkerReportsItsExecutorsGone() {
        String worker = h.registerWorker(8081, 2, 8192);
        String first = register(2);
        h.apply(new Command.FinishApplicationCommand(first));

        String second = register(2);

        assertThat(app(first).state()).isEqualTo(ApplicationState.FINISHED);
        assertThat(usedCores(worker)).isEqualTo(2);
        assertThat(live(second)).isEmpty();

        report(worker, first, 0, ExecutorState.KILLED);
        report(worker, first, 1, ExecutorState.KILLED);

        assertThat(live(second)).hasSize(2);
        assertThat(usedCores(worker)).isEqualTo(2);
    }

    @Test
    void aKilledExecutorsCoresAreFreedWhenTheWorkersHeartbeatNoLongerListsIt() {
        String worker = h.registerWorker(8081, 1, 8192);
        String appId = register(1);
        ExecutorEntry executor = live(appId).get(0);
        h.apply(new Command.KillExecutorCommand(appId, executor.executorId()));

        h.apply(new Command.HeartbeatCommand(worker, new Heartbeat(EngineHarness.EPOCH, List.of(),
                List.of(executor.key()))));
        assertThat(usedCores(worker)).isEqualTo(1);
        assertThat(live(appId)).isEmpty();

        h.apply(new Command.HeartbeatCommand(worker, new Heartbeat(EngineHarness.EPOCH, List.of(), List.of())));
        assertThat(live(appId)).singleElement().satisfies(e -> assertThat(e.executorId()).isEqualTo(1));
        assertThat(usedCores(worker)).isEqualTo(1);
    }

    @Test
    void aWorkerThatIsLostHoldsNothing() {
        String worker = h.registerWorker(8081, 2, 8192);
        String appId = register(2);
        h.apply(new Command.FinishApplicationCommand(appId));

        h.clock.advance(Duration.ofSeconds(9));
        h.apply(new Command.CheckWorkersCommand());

        assertThat(usedCores(worker)).isZero();
    }

    @Test
    void aRefusedLaunchEndsLostIsPlacedAgainAndCountsAsNoFailure() {
        String worker = h.registerWorker(8081, 1, 8192);
        String appId = register(1);
        ExecutorEntry refused = live(appId).get(0);

        h.apply(new Command.LaunchRefusedCommand(worker, null, appId, refused.executorId(), "no room"));

        assertThat(app(appId).executors().get(refused.executorId()).state()).isEqualTo(ExecutorState.LOST);
        assertThat(app(appId).consecutiveFailures()).isZero();
        assertThat(usedCores(worker)).isZero();
        h.apply(new Command.ScheduleCommand());
        assertThat(live(appId)).singleElement().satisfies(e -> assertThat(e.executorId()).isEqualTo(1));
    }

    @Test
    void aRefusedDriverGoesBackToTheQueueWithoutALaunchAttempt() {
        String worker = h.registerWorker(8081, 1, 8192);
        String driverId = h.submit(1, 512, false);

        h.apply(new Command.LaunchRefusedCommand(worker, driverId, null, null, "no room"));

        assertThat(h.snapshot().driver(driverId).orElseThrow().launchAttempts()).isZero();
        h.apply(new Command.ScheduleCommand());
        assertThat(h.snapshot().driver(driverId).orElseThrow().workerId()).isEqualTo(worker);
    }
}
