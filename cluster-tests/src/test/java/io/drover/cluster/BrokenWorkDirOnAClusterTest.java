package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.api.WorkerView;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import io.drover.worker.config.RunningUser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 (YARN's node health): a worker whose work directory has gone read-only, beside a healthy one, eats no
 * work. What it cannot launch it refuses as its own fault, the master places it again on the healthy worker
 * without counting it against the driver or application, and the broken worker shows unhealthy with its reason.
 */
class BrokenWorkDirOnAClusterTest {

    private static final Duration LONG = Duration.ofSeconds(90);
    private static final Duration SELDOM_HEARTBEATS = Duration.ofSeconds(120);
    private static final CommandSpec SHORT = CommandSpec.executable("/bin/sh", List.of("-c", "sleep 0.3"));
    private static final CommandSpec SLEEP = CommandSpec.executable("/bin/sh", List.of("-c", "exec sleep 600"));

    @TempDir
    Path tmp;
    private TestCluster cluster;
    private ReadOnlyDirectory readOnly;

    @AfterEach
    void stop() {
        if (readOnly != null) {
            readOnly.restore();
        }
        if (cluster != null) {
            cluster.close();
        }
        NoProcessesLeft.assertNoneLeft();
    }

    @Test
    void everyDriverFinishesOnTheHealthyWorkerAnApplicationGetsItsExecutorsAndTheBrokenWorkerShowsWhy() {
        Assumptions.assumeTrue(RunningUser.isRoot(), "making a directory read-only under a root worker needs root;"
                + " skipped");
        // Heartbeats (a quarter of the worker timeout) come seldom, so the broken worker's own check does not
        // keep it out of placement before it is given work: its refusals have to.
        cluster = TestCluster.start(tmp, SELDOM_HEARTBEATS);
        String healthy = cluster.addWorker(4, 4096);
        String broken = cluster.addWorker(4, 4096);
        readOnly = ReadOnlyDirectory.tryMake(cluster.workDir(2));
        Assumptions.assumeTrue(readOnly != null, "neither chattr +i nor a read-only bind mount works here; skipped");

        List<String> drivers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            drivers.add(cluster.client.submitDriver(new SubmitDriverRequest("short-" + i, null, SHORT, 1, 64L,
                    false)));
        }
        for (String driverId : drivers) {
            DriverView ended = cluster.client.awaitDriver(driverId, DriverState::isTerminal, LONG);
            assertThat(ended.state()).as(driverId + ": " + ended.message()).isEqualTo(DriverState.FINISHED);
            assertThat(ended.workerId()).isEqualTo(healthy);
        }

        String appId = cluster.client.registerApplication(new RegisterApplicationRequest("app", SLEEP, null, 1, 64L,
                2, null, null, null));
        List<ExecutorView> running = await().atMost(LONG).until(() -> cluster.client.application(appId).executors()
                .stream().filter(e -> e.state() == ExecutorState.RUNNING).toList(), list -> list.size() == 2);
        assertThat(running).extracting(ExecutorView::workerId).containsOnly(healthy);

        WorkerView brokenView = await().atMost(LONG).until(() -> cluster.client.worker(broken), w -> !w.healthy());
        assertThat(brokenView.healthReason()).contains(cluster.workDir(2).toString());
    }
}
