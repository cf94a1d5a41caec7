package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.client.EventSubscription;
import io.drover.protocol.api.ApplicationEvent;
import io.drover.protocol.api.ApplicationEventType;
import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.ExecutorState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Applications on a real master and two real workers, with executors that are real processes. */
class ApplicationsOnAClusterTest {

    private static final Duration LONG = Duration.ofSeconds(60);
    /** {@code exec} so the executor's pid is the sleep itself. */
    private static final CommandSpec SLEEP = CommandSpec.executable("/bin/sh", List.of("-c", "exec sleep 600"));

    @TempDir
    Path tmp;
    private TestCluster cluster;

    private void start(String... masterArgs) {
        cluster = TestCluster.start(tmp, masterArgs);
        cluster.addWorker(2, 2048);
        cluster.addWorker(2, 2048);
    }

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        NoProcessesLeft.assertNoneLeft();
    }

    private String register(CommandSpec command, Integer coresPerExecutor, Integer maxCores, Integer limit) {
        return cluster.client.registerApplication(new RegisterApplicationRequest("test-app", command, null,
                coresPerExecutor, 128L, maxCores, limit, null, null));
    }

    private List<ExecutorView> running(String appId) {
        return cluster.client.application(appId).executors().stream()
                .filter(e -> e.state() == ExecutorState.RUNNING).toList();
    }

    private List<ExecutorView> awaitRunning(String appId, int count) {
        return await().atMost(LONG).until(() -> running(appId), list -> list.size() == count);
    }

    private List<Long> allExecutorPids() {
        List<Long> pids = new ArrayList<>(WorkerProbe.executorPids(cluster.workerUrl(1)));
        pids.addAll(WorkerProbe.executorPids(cluster.workerUrl(2)));
        return pids;
    }

    @Test
    void withSpreadOutOffExecutorsFillOneWorkerFirst() {
        start("--drover.master.spread-out=false");

        String appId = register(SLEEP, 1, 2, null);

        List<ExecutorView> executors = awaitRunning(appId, 2);
        assertThat(executors).extracting(ExecutorView::workerId).containsOnly(executors.get(0).workerId());
    }

    @Test
    void withSpreadOutExecutorsGoToBothWorkers() {
        start();

        String appId = register(SLEEP, 1, 2, null);

        assertThat(awaitRunning(appId, 2)).extracting(ExecutorView::workerId).doesNotHaveDuplicates();
    }

    @Test
    void killingAnExecutorsProcessGetsItReplaced() {
        start();
        String appId = register(SLEEP, 1, 1, null);
        ExecutorView first = awaitRunning(appId, 1).get(0);
        long pid = await().atMost(LONG).until(this::allExecutorPids, pids -> pids.size() == 1).get(0);

        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);

        ExecutorView replacement = await().atMost(LONG).until(() -> running(appId),
                list -> list.size() == 1 && list.get(0).executorId() != first.executorId()).get(0);
        ApplicationView app = cluster.client.application(appId);
        assertThat(app.executors()).filteredOn(e -> e.executorId() == first.executorId()).singleElement()
                .satisfies(e -> assertThat(e.state()).isEqualTo(ExecutorState.FAILED));
        assertThat(replacement.executorId()).isGreaterThan(first.executorId());
        assertThat(app.state()).isEqualTo(ApplicationState.RUNNING);
    }

    @Test
    void anExecutorCommandThatAlwaysFailsEndsTheApplicationFailedWithTheReason() {
        start("--drover.master.max-executor-retries=3");

        String appId = register(CommandSpec.executable("/bin/sh", List.of("-c", "echo broken >&2; exit 7")), 1, 1,
                null);

        ApplicationView failed = cluster.client.awaitApplication(appId, ApplicationState::isTerminal, LONG);
        assertThat(failed.state()).isEqualTo(ApplicationState.FAILED);
        assertThat(failed.message()).contains("3 consecutive executor failures").contains("exit code 7");
        assertThat(failed.executors()).hasSize(3).allSatisfy(e -> assertThat(e.exitCode()).isEqualTo(7));
    }

    @Test
    void killingTheApplicationStopsEveryExecutorProcess() {
        start();
        String appId = register(SLEEP, 1, 4, null);
        awaitRunning(appId, 4);
        List<Long> pids = await().atMost(LONG).until(this::allExecutorPids, list -> list.size() == 4);

        cluster.client.killApplication(appId);

        assertThat(cluster.client.application(appId).state()).isEqualTo(ApplicationState.KILLED);
        await().atMost(LONG).until(() -> pids.stream().allMatch(WorkerProbe::gone));
        await().atMost(LONG).until(() -> allExecutorPids().isEmpty());
    }

    @Test
    void theEventStreamDeliversExecutorsAddedAndRemovedInOrder() throws Exception {
        start();
        String appId = register(SLEEP, 1, 2, null);
        List<ApplicationEvent> events = new CopyOnWriteArrayList<>();
        try (EventSubscription subscription = cluster.client.followEvents(appId, events::add)) {
            awaitRunning(appId, 2);

            cluster.client.killApplication(appId);

            await().atMost(LONG).until(() -> events.stream().anyMatch(
                    e -> e.type() == ApplicationEventType.APPLICATION_STATE && e.state() == ApplicationState.KILLED));
        }
        for (int executorId = 0; executorId < 2; executorId++) {
            int id = executorId;
            List<ApplicationEventType> forExecutor = events.stream()
                    .filter(e -> e.executor() != null && e.executor().executorId() == id)
                    .map(ApplicationEvent::type).toList();
            assertThat(forExecutor).as("events of executor " + id).contains(ApplicationEventType.EXECUTOR_REMOVED)
                    .last().isEqualTo(ApplicationEventType.EXECUTOR_REMOVED);
            assertThat(forExecutor.indexOf(ApplicationEventType.EXECUTOR_REMOVED))
                    .isGreaterThan(Math.max(forExecutor.indexOf(ApplicationEventType.EXECUTOR_ADDED),
                            forExecutor.indexOf(ApplicationEventType.EXECUTOR_UPDATED)));
        }
        List<Long> live = events.stream().map(ApplicationEvent::sequence).filter(s -> s > events.get(0).sequence())
                .toList();
        assertThat(live).isSorted();
    }

    @Test
    void raisingAndLoweringTheExecutorLimitStartsAndStopsExecutors() {
        start();
        String appId = register(SLEEP, 1, null, 1);
        awaitRunning(appId, 1);

        cluster.client.setExecutorLimit(appId, 3);
        awaitRunning(appId, 3);
        await().atMost(LONG).until(() -> allExecutorPids().size() == 3);

        cluster.client.setExecutorLimit(appId, 1);
        awaitRunning(appId, 1);
        await().atMost(LONG).until(() -> allExecutorPids().size() == 1);
    }
}
