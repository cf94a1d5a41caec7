package io.drover.master.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.master.scheduling.ScriptedWorker.Behaviour;
import io.drover.protocol.Paths;
import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.QueueView;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.internal.LaunchExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

/** Queues, fair share and custom resources on a real master, with workers over HTTP. */
class QueuesAndResourcesOnAMasterTest {

    private static final CommandSpec SLEEP = CommandSpec.executable("/bin/sleep", List.of("600"));
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final MasterOnTest master = new MasterOnTest(
            "drover.master.queues[0].name=etl", "drover.master.queues[0].weight=3",
            "drover.master.queues[1].name=adhoc", "drover.master.queues[1].weight=1",
            "drover.master.queues[2].name=capped", "drover.master.queues[2].max-cores=2");
    private final List<ScriptedWorker> workers = new ArrayList<>();

    @AfterEach
    void stop() {
        workers.forEach(ScriptedWorker::close);
        master.close();
    }

    private ScriptedWorker worker(int cores, Map<String, List<String>> resources) {
        ScriptedWorker worker = new ScriptedWorker(master, cores, 64 * 1024, resources, Behaviour.STAYS_QUIET);
        workers.add(worker);
        return worker.register();
    }

    private String app(String queue, int maxCores, Map<String, Integer> resources) {
        return master.postFor(Paths.APPLICATIONS, new RegisterApplicationRequest("a", SLEEP, null, 1, 1024L, maxCores,
                null, null, null, queue, 0, resources), "appId");
    }

    private Map<String, QueueView> queues() {
        Map<String, QueueView> byName = new java.util.LinkedHashMap<>();
        master.get(Paths.QUEUES, new TypeReference<List<QueueView>>() { }).forEach(q -> byName.put(q.name(), q));
        return byName;
    }

    private ApplicationView application(String appId) {
        return master.get(Paths.APPLICATIONS + "/" + appId, ApplicationView.class);
    }

    @Test
    void twoQueuesWeightedThreeToOneHoldCoresWithinOneExecutorOfThreeToOneWhileBothHaveWork() {
        for (int i = 0; i < 24; i++) {
            app("etl", 1, Map.of());
            app("adhoc", 1, Map.of());
        }
        assertThat(application(app("etl", 1, Map.of())).waitingReason()).isEqualTo("no alive worker");

        for (int added = 1; added <= 4; added++) {
            worker(4, Map.of());
            int cores = 4 * added;
            Map<String, QueueView> queues = await().atMost(WAIT).until(this::queues,
                    q -> q.get("etl").coresHeld() + q.get("adhoc").coresHeld() == cores);

            int etl = queues.get("etl").coresHeld();
            int adhoc = queues.get("adhoc").coresHeld();
            assertThat(Math.abs(etl - 3 * adhoc)).as("etl %d, adhoc %d on %d cores", etl, adhoc, cores)
                    .isLessThanOrEqualTo(3);
            assertThat(queues.get("etl").waitingApplications()).isPositive();
            assertThat(queues.get("adhoc").waitingApplications()).isPositive();
        }
        Map<String, QueueView> end = queues();
        assertThat(end.get("etl").coresHeld()).isEqualTo(12);
        assertThat(end.get("adhoc").coresHeld()).isEqualTo(4);
        assertThat(end.get("etl").fairShareCores()).isEqualTo(12.0);
        assertThat(end.get("adhoc").fairShareCores()).isEqualTo(4.0);
    }

    @Test
    void aQueueAtItsCoreLimitWaitsWithThatReasonOnTheApiTheDashboardAndTheMetrics() {
        worker(8, Map.of());
        String wide = app("capped", 4, Map.of());
        await().atMost(WAIT).until(() -> application(wide).coresGranted() == 2);

        String next = app("capped", 1, Map.of());

        String reason = "queue 'capped' is at its 2-core limit (it holds 2 cores; one more executor needs 1)";
        await().atMost(WAIT).until(() -> reason.equals(application(next).waitingReason()));
        assertThat(application(wide).waitingReason()).isEqualTo(reason);
        assertThat(queues().get("capped").coresHeld()).isEqualTo(2);
        assertThat(master.text("/")).contains(reason.replace("'", "&#39;")).contains("id=\"queues-table\"");
        assertThat(master.text("/applications/" + next)).contains("<dt>Queue</dt><dd>capped</dd>");
        assertThat(master.text("/actuator/prometheus"))
                .contains("drover_queue_cores_held{queue=\"capped\"} 2.0")
                .contains("drover_queue_applications_waiting{queue=\"capped\"} 2.0");
    }

    @Test
    void twoExecutorsOfOneGpuOnAWorkerWithTwoGetDifferentAddressesAndAThirdWaitsNamingTheGpu() {
        ScriptedWorker gpus = worker(8, Map.of("gpu", List.of("0", "1")));

        String appId = app("default", 3, Map.of("gpu", 1));

        List<ExecutorView> executors = await().atMost(WAIT).until(() -> application(appId).executors(),
                list -> list.size() == 2);
        assertThat(executors).extracting(e -> e.resourceAddresses().get("gpu"))
                .containsExactlyInAnyOrder(List.of("0"), List.of("1"));
        await().atMost(WAIT).until(() -> gpus.executorLaunches.size() == 2);
        assertThat(gpus.executorLaunches).extracting(LaunchExecutor::description)
                .extracting(d -> d.resourceAddresses().get("gpu"))
                .containsExactlyInAnyOrder(List.of("0"), List.of("1"));
        await("the next round says why the third waits").atMost(WAIT).until(() -> application(appId).waitingReason(),
                r -> ("no alive worker has 1 free core, 1 GiB and 1 free gpu (the most any has free: 0 gpu)")
                        .equals(r));
        assertThat(master.text(Paths.WORKERS + "/" + gpus.workerId())).contains("\"resourcesUsed\":{\"gpu\":[");
    }
}
