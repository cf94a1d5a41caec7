package io.drover.master.state.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.protocol.api.ApplicationEventType;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.internal.ExecutorStateChanged;
import io.drover.protocol.internal.StateReports;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationLifecycleTest {

    private static final CommandSpec EXECUTOR = CommandSpec.executable("/bin/sleep", List.of("600"));

    private final EngineHarness h = new EngineHarness(Duration.ofSeconds(8), 3, 3, true);

    private String register(Integer coresPerExecutor, Integer maxCores, Integer limit, String driverId) {
        return h.apply(new Command.RegisterApplicationCommand(new RegisterApplicationRequest("app", EXECUTOR, null,
                coresPerExecutor, 256L, maxCores, limit, null, driverId), "alice"));
    }

    private ApplicationEntry app(String appId) {
        return h.snapshot().application(appId).orElseThrow();
    }

    private List<ExecutorEntry> live(String appId) {
        return app(appId).executors().values().stream().filter(ExecutorEntry::isLive).toList();
    }

    private void report(String workerId, ExecutorEntry executor, ExecutorState state, Integer exitCode) {
        h.apply(new Command.StatesChangedCommand(workerId, new StateReports(List.of(),
                List.of(new ExecutorStateChanged(executor.appId(), executor.executorId(), state, exitCode, "why")))));
    }

    @Test
    void anApplicationGetsExecutorsSpreadOverWorkersAndTheirLaunchesAreSent() {
        h.registerWorker(8081, 8, 8192);
        h.registerWorker(8082, 8, 8192);

        String appId = register(2, 8, null, null);

        assertThat(live(appId)).hasSize(4).extracting(ExecutorEntry::cores).containsOnly(2);
        assertThat(live(appId).stream().map(ExecutorEntry::workerId).distinct()).hasSize(2);
        assertThat(h.effectsOf(Effect.SendLaunchExecutor.class)).hasSize(4);
        assertThat(h.effectsOf(Effect.PublishEvent.class)).extracting(p -> p.event().type())
                .containsOnly(ApplicationEventType.EXECUTOR_ADDED);
    }

    @Test
    void theFirstRunningExecutorMakesTheApplicationRunning() {
        String worker = h.registerWorker(8081, 8, 8192);
        String appId = register(2, 2, null, null);

        report(worker, live(appId).get(0), ExecutorState.RUNNING, null);

        assertThat(app(appId).state()).isEqualTo(ApplicationState.RUNNING);
        assertThat(live(appId).get(0).state()).isEqualTo(ExecutorState.RUNNING);
    }

    @Test
    void aFailedExecutorIsReplacedAndItsResourcesFreed() {
        String worker = h.registerWorker(8081, 2, 8192);
        String appId = register(2, 2, null, null);
        ExecutorEntry first = live(appId).get(0);

        report(worker, first, ExecutorState.FAILED, 137);

        assertThat(app(appId).executors().get(first.executorId()).state()).isEqualTo(ExecutorState.FAILED);
        assertThat(live(appId)).singleElement().satisfies(e -> assertThat(e.executorId()).isEqualTo(1));
        assertThat(h.snapshot().worker(worker).orElseThrow().used().cores()).isEqualTo(2);
    }

    @Test
    void anApplicationWhoseExecutorsKeepFailingEndsFailedWithTheReason() {
        String worker = h.registerWorker(8081, 2, 8192);
        String appId = register(2, 2, null, null);

        for (int i = 0; i < 3; i++) {
            report(worker, live(appId).get(0), ExecutorState.FAILED, 1);
        }

        assertThat(app(appId).state()).isEqualTo(ApplicationState.FAILED);
        assertThat(app(appId).message()).contains("3 consecutive executor failures").contains("exit code 1");
        assertThat(h.snapshot().worker(worker).orElseThrow().used().cores()).isZero();
    }

    @Test
    void anExecutorThatRanAWhileBeforeFailingStartsTheCountAgain() {
        String worker = h.registerWorker(8081, 2, 8192);
        String appId = register(2, 2, null, null);
        report(worker, live(appId).get(0), ExecutorState.FAILED, 1);
        report(worker, live(appId).get(0), ExecutorState.FAILED, 1);
        ExecutorEntry third = live(appId).get(0);
        report(worker, third, ExecutorState.RUNNING, null);
        h.clock.advance(ApplicationHandler.STABLE_RUN);

        report(worker, third, ExecutorState.FAILED, 1);

        assertThat(app(appId).state()).isEqualTo(ApplicationState.RUNNING);
        assertThat(app(appId).consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void executorsThatStartAndDieAtOnceStillCountAsFailures() {
        String worker = h.registerWorker(8081, 2, 8192);
        String appId = register(2, 2, null, null);

        for (int i = 0; i < 3; i++) {
            ExecutorEntry executor = live(appId).get(0);
            report(worker, executor, ExecutorState.RUNNING, null);
            report(worker, executor, ExecutorState.FAILED, 7);
        }

        assertThat(app(appId).state()).isEqualTo(ApplicationState.FAILED);
    }

    @Test
    void aLostWorkersExecutorsAreLostAndReplacedElsewhere() {
        String first = h.registerWorker(8081, 2, 8192);
        String appId = register(2, 2, null, null);
        ExecutorEntry onFirst = live(appId).get(0);
        h.clock.advance(Duration.ofSeconds(5));
        String second = h.registerWorker(8082, 2, 8192);
        h.clock.advance(Duration.ofSeconds(4));
        h.heartbeat(second, List.of());

        h.apply(new Command.CheckWorkersCommand());

        assertThat(app(appId).executors().get(onFirst.executorId()).state()).isEqualTo(ExecutorState.LOST);
        assertThat(live(appId)).singleElement().satisfies(e -> assertThat(e.workerId()).isEqualTo(second));
        assertThat(app(appId).consecutiveFailures()).isZero();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void anApplicationEndsWhenItsDriverEnds() {
        String worker = h.registerWorker(8081, 4, 8192);
        String driverId = h.submit(1, 256, false);
        String appId = register(1, 2, null, driverId);

        h.apply(new Command.StatesChangedCommand(worker,
                StateReports.ofDrivers(List.of(new DriverStateChanged(driverId, DriverState.FINISHED, 0, null, 0)))));

        assertThat(app(appId).state()).isEqualTo(ApplicationState.FINISHED);
        assertThat(app(appId).message()).contains(driverId);
        assertThat(h.effectsOf(Effect.SendApplicationFinished.class)).hasSize(1);
    }

    @Test
    void killingAnApplicationEndsItsExecutorsAndTellsTheirWorkers() {
        String worker = h.registerWorker(8081, 4, 8192);
        String appId = register(1, 4, null, null);

        h.apply(new Command.KillApplicationCommand(appId, "bob"));

        assertThat(app(appId).state()).isEqualTo(ApplicationState.KILLED);
        assertThat(app(appId).audit()).isEqualTo(new io.drover.master.state.model.Audit("alice", "bob"));
        assertThat(app(appId).executors().values()).extracting(ExecutorEntry::state).containsOnly(ExecutorState.KILLED);
        // Held until the worker says the processes are gone (HeldResourcesTest).
        assertThat(h.snapshot().worker(worker).orElseThrow().used().cores()).isEqualTo(4);
        assertThat(h.effectsOf(Effect.SendApplicationFinished.class)).singleElement()
                .satisfies(f -> assertThat(f.appId()).isEqualTo(appId));
        assertThat(h.effectsOf(Effect.PublishEvent.class)).last().satisfies(p -> {
            assertThat(p.last()).isTrue();
            assertThat(p.event().state()).isEqualTo(ApplicationState.KILLED);
        });
    }

    @Test
    void anEndedApplicationCannotBeKilledAgain() {
        String appId = register(1, 4, null, null);
        h.apply(new Command.FinishApplicationCommand(appId));

        assertThatThrownBy(() -> h.apply(new Command.KillApplicationCommand(appId, "bob")))
                .isInstanceOfSatisfying(CommandRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(CommandRejected.Reason.CONFLICT));
    }

    @Test
    void loweringTheExecutorLimitStopsTheNewestExecutorsAndRaisingItStartsMore() {
        h.registerWorker(8081, 8, 8192);
        String appId = register(1, null, 4, null);
        assertThat(live(appId)).hasSize(4);

        h.apply(new Command.SetExecutorLimitCommand(appId, 1));

        assertThat(live(appId)).singleElement().satisfies(e -> assertThat(e.executorId()).isZero());
        assertThat(h.effectsOf(Effect.SendKillExecutor.class)).hasSize(3);

        h.apply(new Command.SetExecutorLimitCommand(appId, 3));

        assertThat(live(appId)).hasSize(3);
    }

    @Test
    void killingOneExecutorEndsItAndAWantingApplicationGetsAnother() {
        h.registerWorker(8081, 2, 8192);
        String appId = register(1, 1, null, null);
        ExecutorEntry first = live(appId).get(0);

        h.apply(new Command.KillExecutorCommand(appId, first.executorId()));

        assertThat(app(appId).executors().get(first.executorId()).state()).isEqualTo(ExecutorState.KILLED);
        assertThat(live(appId)).singleElement().satisfies(e -> assertThat(e.executorId()).isEqualTo(1));
    }

    @Test
    void anExecutorBiggerThanEveryWorkerIsRefused() {
        h.registerWorker(8081, 4, 8192);

        assertThatThrownBy(() -> register(8, 16, null, null))
                .isInstanceOfSatisfying(CommandRejected.class, e -> {
                    assertThat(e.reason()).isEqualTo(CommandRejected.Reason.INVALID);
                    assertThat(e.getMessage()).contains("coresPerExecutor");
                });
        assertThat(h.snapshot().applications()).isEmpty();
    }

    @Test
    void unknownApplicationsAndExecutorsAreNotFound() {
        String appId = register(1, 1, null, null);

        assertThatThrownBy(() -> h.apply(new Command.KillExecutorCommand(appId, 42)))
                .isInstanceOfSatisfying(CommandRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(CommandRejected.Reason.NOT_FOUND));
        assertThatThrownBy(() -> h.apply(new Command.FinishApplicationCommand("app-20261122080000-9999")))
                .isInstanceOfSatisfying(CommandRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(CommandRejected.Reason.NOT_FOUND));
    }

    @Test
    void eventsAreNumberedOneByOnePerApplication() {
        h.registerWorker(8081, 8, 8192);
        String appId = register(1, 3, null, null);
        h.apply(new Command.KillApplicationCommand(appId, "bob"));

        assertThat(h.effectsOf(Effect.PublishEvent.class)).extracting(p -> p.event().sequence())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }
}
