package io.drover.master.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.master.scheduling.ScriptedWorker.Behaviour;
import io.drover.protocol.Paths;
import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.DecommissionRequest;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.api.WorkerView;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import io.drover.protocol.state.WorkerState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Decommissioning a worker that runs executors and a supervised driver, on a real master with two workers
 * over HTTP: the work moves, the job ends right, and the worker ends DECOMMISSIONED for good.
 */
class DecommissionOnAMasterTest {

    private static final CommandSpec SLEEP = CommandSpec.executable("/bin/sleep", List.of("600"));
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final MasterOnTest master = new MasterOnTest();
    private final ScriptedWorker leaving = new ScriptedWorker(master, 4, 8192, Behaviour.RUNS);
    private final ScriptedWorker staying = new ScriptedWorker(master, 4, 8192, Behaviour.RUNS);

    @AfterEach
    void stop() {
        leaving.close();
        staying.close();
        master.close();
    }

    private DriverView driver(String id) {
        return master.get(Paths.DRIVERS + "/" + id, DriverView.class);
    }

    private WorkerView worker(ScriptedWorker w) {
        return master.get(Paths.WORKERS + "/" + w.workerId(), WorkerView.class);
    }

    private List<ExecutorView> live(String appId) {
        return master.get(Paths.APPLICATIONS + "/" + appId, ApplicationView.class).executors().stream()
                .filter(e -> !e.state().isTerminal()).toList();
    }

    @Test
    void decommissioningMovesTheWorkAndTheWorkerEndsDecommissioned() {
        leaving.register();
        String driverId = master.postFor(Paths.DRIVERS, new SubmitDriverRequest("job", null, SLEEP, 1, 512L, true),
                "driverId");
        String appId = master.postFor(Paths.APPLICATIONS, new RegisterApplicationRequest("job", SLEEP, null, 1, 512L,
                2, null, null, driverId), "appId");
        await().atMost(WAIT).until(() -> driver(driverId).state() == DriverState.RUNNING
                && live(appId).stream().filter(e -> e.state() == ExecutorState.RUNNING).count() == 2);
        staying.register();

        assertThat(master.post(Paths.WORKERS + "/" + leaving.workerId() + "/decommission",
                new DecommissionRequest("kernel upgrade"), MasterOnTest.SUBMITTER).statusCode())
                .as("a submit token may not decommission").isEqualTo(403);
        assertThat(master.post(Paths.WORKERS + "/" + leaving.workerId() + "/decommission",
                new DecommissionRequest("kernel upgrade"), MasterOnTest.ADMIN).statusCode()).isEqualTo(202);

        // Its executors stop and move; it is told; its supervised driver runs on until it ends.
        await().atMost(WAIT).until(() -> live(appId).stream().allMatch(e -> e.workerId().equals(staying.workerId()))
                && live(appId).size() == 2);
        assertThat(master.get(Paths.APPLICATIONS + "/" + appId, ApplicationView.class).executors())
                .filteredOn(e -> e.workerId().equals(leaving.workerId())).extracting(ExecutorView::state)
                .containsOnly(ExecutorState.DECOMMISSIONED);
        await().atMost(WAIT).until(() -> leaving.calls.contains(Paths.INTERNAL_DECOMMISSION_WORKER)
                && leaving.calls.stream().filter(c -> c.contains("/executors/")).count() == 2);
        assertThat(worker(leaving).decommissioning()).isTrue();
        assertThat(worker(leaving).decommissionReason()).isEqualTo("decommissioned by root: kernel upgrade");
        assertThat(driver(driverId).state()).isEqualTo(DriverState.RUNNING);
        assertThat(leaving.heartbeat(List.of(driverId), List.of()).decommissioned()).isTrue();

        // The worker stops its driver as it leaves: the driver is relaunched on the other, and finishes there.
        leaving.reportDriver(driverId, DriverState.FAILED, 143);
        await().atMost(WAIT).until(() -> staying.workerId().equals(driver(driverId).workerId())
                && driver(driverId).state() == DriverState.RUNNING);
        assertThat(driver(driverId).restarts()).isEqualTo(1);
        await().atMost(WAIT).until(() -> worker(leaving).state() == WorkerState.DECOMMISSIONED);
        staying.reportDriver(driverId, DriverState.FINISHED, 0);
        await().atMost(WAIT).until(() -> driver(driverId).state() == DriverState.FINISHED);

        // It never comes back under its id.
        assertThat(leaving.tryRegister().statusCode()).isEqualTo(409);
        assertThat(leaving.heartbeat(List.of(), List.of()).decommissioned()).isTrue();
        assertThat(worker(leaving).state()).isEqualTo(WorkerState.DECOMMISSIONED);
        assertThat(master.text("/workers/" + leaving.workerId())).contains("decommissioned by root: kernel upgrade");
    }

    @Test
    void aWorkerThatLeavesAfterItsDecommissionEndsDecommissionedNotDead() {
        leaving.register();
        String driverId = master.postFor(Paths.DRIVERS, new SubmitDriverRequest("job", null, SLEEP, 1, 512L, true),
                "driverId");
        await().atMost(WAIT).until(() -> driver(driverId).state() == DriverState.RUNNING);
        staying.register();
        master.post(Paths.WORKERS + "/" + leaving.workerId() + "/decommission", null, MasterOnTest.ADMIN);

        leaving.leave();

        await().atMost(WAIT).until(() -> worker(leaving).state() == WorkerState.DECOMMISSIONED);
        await().atMost(WAIT).until(() -> staying.workerId().equals(driver(driverId).workerId()));
    }

    @Test
    void anAdminDecommissionsFromTheWorkersPageAndASubmitterSeesNoButtonAndMayNot() {
        leaving.register();
        String page = "/workers/" + leaving.workerId();
        assertThat(master.get(page, MasterOnTest.ADMIN).body()).contains("id=\"decommission\"");
        assertThat(master.get(page, MasterOnTest.SUBMITTER).body()).doesNotContain("id=\"decommission\"");

        assertThat(master.postConfirmedForm(page + "/decommission", MasterOnTest.SUBMITTER).statusCode())
                .isEqualTo(403);
        assertThat(worker(leaving).decommissioning()).isFalse();
        assertThat(master.postConfirmedForm(page + "/decommission", MasterOnTest.ADMIN).statusCode()).isEqualTo(302);

        await().atMost(WAIT).until(() -> worker(leaving).state() == WorkerState.DECOMMISSIONED);
        assertThat(worker(leaving).decommissionReason()).isEqualTo("decommissioned by root");
    }

    @Test
    void decommissioningAnUnknownOrMalformedWorkerIsRefusedAndChangesNothing() {
        leaving.register();

        assertThat(master.post(Paths.WORKERS + "/worker-20261122080000-nowhere-1/decommission", null,
                MasterOnTest.ADMIN).statusCode()).isEqualTo(404);
        assertThat(master.post(Paths.WORKERS + "/not-a-worker/decommission", null, MasterOnTest.ADMIN).statusCode())
                .isEqualTo(400);
        assertThat(master.post(Paths.WORKERS + "/" + leaving.workerId() + "/decommission", "{\"reason\":[\"x\"]}",
                MasterOnTest.ADMIN).statusCode()).isEqualTo(400);
        assertThat(worker(leaving).decommissioning()).isFalse();
        assertThat(worker(leaving).state()).isEqualTo(WorkerState.ALIVE);
    }
}
