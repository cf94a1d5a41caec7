package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.client.DroverClient;
import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.LocalDriverView;
import io.drover.protocol.api.LocalExecutorView;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.api.WorkerStatus;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import io.drover.protocol.state.MasterStatus;
import io.drover.protocol.state.WorkerState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, "nothing lost": a master started from its jar takes a burst of submissions, is killed with
 * {@code kill -9}, and is started again on the same data directory (recovery mode LOCAL, the default).
 */
class MasterCrashIT {

    private static final Duration LONG = Duration.ofSeconds(120);
    private static final int SUBMISSIONS = 1_000;
    private static final int WORKERS = 2;
    private static final int CORES_PER_WORKER = 4;
    private static final int EXECUTORS = 2;

    @RegisterExtension
    final MasterProcesses masters = new MasterProcesses();
    private final Workers workers = masters.workers();
    @TempDir
    Path tmp;

    /** A running process as its worker reports it, with the kernel's start time of its pid. */
    private record Running(String workerUrl, long pid, long kernelStart) {
    }

    @Test
    void aMasterKilledMidBurstAndRestartedOnItsDataDirectoryKeepsEveryAcknowledgedIdAndEveryRunningProcess()
            throws Exception {
        String[] settings = {
                "--drover.master.data-dir=" + tmp.resolve("master-data"),
                "--drover.master.retained-drivers=" + 2 * SUBMISSIONS,
                "--drover.master.quotas.max-drivers=" + 2 * SUBMISSIONS};
        MasterProcess master = masters.start("master", tmp.resolve("logs"), settings);
        master.awaitStatus(MasterStatus.ALIVE, LONG);
        DroverClient client = DroverClient.builder(master.url).bearerToken(Credentials.SECRET).build();
        List<String> workerUrls = new ArrayList<>();
        for (int i = 1; i <= WORKERS; i++) {
            workerUrls.add(workers.start(List.of(master.url), tmp.resolve("worker-" + i), CORES_PER_WORKER,
                    CORES_PER_WORKER * 128L).url());
        }
        await("workers ALIVE").atMost(LONG).until(() -> client.workers().stream()
                .filter(w -> w.state() == WorkerState.ALIVE).count() == WORKERS);
        GatedProcesses gated = new GatedProcesses(tmp);

        // The application first, so its executors hold cores before the drivers take the rest.
        String appId = client.registerApplication(new RegisterApplicationRequest("gated-app", gated.executor(), null,
                1, 64L, EXECUTORS, null, null, null));
        await("executors RUNNING").atMost(LONG).until(() -> client.application(appId).executors().stream()
                .filter(e -> e.state() == ExecutorState.RUNNING && e.pid() != null).count() == EXECUTORS);
        Set<String> acknowledged = submitBurst(client, gated);
        int runningDrivers = WORKERS * CORES_PER_WORKER - EXECUTORS;
        await("drivers RUNNING on every free core").atMost(LONG).until(() -> client.drivers(DriverState.RUNNING)
                .size() == runningDrivers);
        Map<String, Running> before = runningOnWorkers(workerUrls);
        assertThat(before).hasSize(runningDrivers + EXECUTORS);

        master.kill9();
        MasterProcess restarted = masters.restart(master, tmp.resolve("logs"), settings);
        restarted.awaitStatus(MasterStatus.ALIVE, LONG);

        Map<String, DriverView> drivers = client.drivers().stream()
                .collect(Collectors.toMap(DriverView::driverId, Function.identity()));
        assertThat(drivers.keySet()).as("every acknowledged driver id").containsAll(acknowledged);
        assertThat(drivers.values()).extracting(DriverView::state).doesNotContain(DriverState.KILLED,
                DriverState.ERROR, DriverState.RELAUNCHING);
        ApplicationView app = client.application(appId);
        assertThat(app.executors()).extracting(ExecutorView::state).containsOnly(ExecutorState.RUNNING);
        assertThat(runningOnWorkers(workerUrls)).as("the same processes, still running").isEqualTo(before);
        for (Map.Entry<String, Running> process : before.entrySet()) {
            String id = process.getKey();
            Long pidInMaster = id.contains("/") ? app.executors().stream()
                    .filter(e -> id.equals(appId + "/" + e.executorId())).findFirst().orElseThrow().pid()
                    : drivers.get(id).pid();
            assertThat(pidInMaster).as("the pid the restarted master shows for " + id).isEqualTo(process.getValue().pid());
            assertThat(GatedProcesses.kernelStartTime(process.getValue().pid())).as(id + " alive")
                    .hasValue(process.getValue().kernelStart());
        }
        assertThat(gated.startCounts()).as("processes started").hasSize(runningDrivers + EXECUTORS)
                .allSatisfy((id, starts) -> assertThat(starts).as(id).isEqualTo(1));
        assertThat(drivers.values()).filteredOn(d -> d.state() == DriverState.SUBMITTED)
                .hasSize(SUBMISSIONS - runningDrivers);

        client.finishApplication(appId);
        gated.open();

        await("every driver FINISHED").atMost(LONG).pollInterval(Duration.ofSeconds(1)).until(() ->
                client.drivers(DriverState.FINISHED).size() == SUBMISSIONS);
        assertThat(gated.startCounts()).as("each driver started exactly once")
                .hasSize(SUBMISSIONS + EXECUTORS).allSatisfy((id, starts) -> assertThat(starts).as(id).isEqualTo(1));
    }

    /** 1,000 submissions from 8 threads at once; the ids the master acknowledged. */
    private static Set<String> submitBurst(DroverClient client, GatedProcesses gated) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService submitters = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            IntStream.range(0, SUBMISSIONS).forEach(i -> done.add(submitters.submit(() -> acknowledged.add(
                    client.submitDriver(new SubmitDriverRequest("gated-" + i, null, gated.driver(), 1, 64L,
                            false))))));
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            submitters.shutdown();
        }
        assertThat(acknowledged).hasSize(SUBMISSIONS);
        return acknowledged;
    }

    /** Every driver and executor the workers run, by id ({@code appId/executorId} for executors). */
    private static Map<String, Running> runningOnWorkers(List<String> workerUrls) {
        Map<String, Running> running = new HashMap<>();
        for (String url : workerUrls) {
            WorkerStatus status = WorkerProbe.status(url);
            for (LocalDriverView d : status.runningDrivers()) {
                running.put(d.driverId(), running(url, d.pid()));
            }
            for (LocalExecutorView e : status.runningExecutors()) {
                running.put(e.appId() + "/" + e.executorId(), running(url, e.pid()));
            }
        }
        return running;
    }

    private static Running running(String workerUrl, Long pid) {
        assertThat(pid).as("a running process's pid on " + workerUrl).isNotNull();
        return new Running(workerUrl, pid, GatedProcesses.kernelStartTime(pid).orElseThrow());
    }
}
