package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.ExecutorState;
import io.drover.worker.runner.RunnerRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker never runs more than it offers (issue 13): the master counts an executor it ended as held until
 * the worker says its process is gone, so a new application's executors wait for that room.
 */
class NoOvercommitOnAClusterTest {

    private static final int CORES = 4;
    /** Ignores SIGTERM (and so does its sleep, which inherits the ignored signal): it dies at SIGKILL only. */
    private static final CommandSpec STUBBORN = CommandSpec.executable("/bin/sh",
            List.of("-c", "trap '' TERM; sleep 600"));
    private static final CommandSpec SLEEP = CommandSpec.executable("/bin/sh", List.of("-c", "exec sleep 600"));

    @TempDir
    Path tmp;
    private TestCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        NoProcessesLeft.assertNoneLeft();
    }

    private String register(String name, CommandSpec command) {
        return cluster.client.registerApplication(new RegisterApplicationRequest(name, command, null, 1, 128L, CORES,
                null, null, null));
    }

    private long running(String appId) {
        return cluster.client.application(appId).executors().stream()
                .filter(e -> e.state() == ExecutorState.RUNNING).count();
    }

    @Test
    void executorsOfAFinishedApplicationStillExitingNeverShareTheirCoresWithTheNextApplication() throws Exception {
        cluster = TestCluster.start(tmp);
        cluster.addWorker(CORES, 4096);
        RunnerRegistry registry = cluster.workerContext(1).getBean(RunnerRegistry.class);
        String first = register("first", STUBBORN);
        await().atMost(Duration.ofSeconds(60)).until(() -> running(first) == CORES);

        AtomicInteger mostUsed = new AtomicInteger();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                mostUsed.accumulateAndGet(registry.snapshot().used().cores(), Math::max);
                Thread.onSpinWait();
            }
        });
        watcher.start();
        try {
            // Its executors take the kill grace (TestCluster: 2 s) to die, while the second application asks for every core.
            cluster.client.finishApplication(first);
            String second = register("second", SLEEP);

            await().atMost(Duration.ofSeconds(60)).until(() -> running(second) == CORES);
            assertThat(cluster.client.application(second).executors()).extracting(ExecutorView::state)
                    .containsOnly(ExecutorState.RUNNING);
        } finally {
            watching.set(false);
            watcher.join();
        }
        assertThat(mostUsed.get()).isLessThanOrEqualTo(CORES);
    }
}
