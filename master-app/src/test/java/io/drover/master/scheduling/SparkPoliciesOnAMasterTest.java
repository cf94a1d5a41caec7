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
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.DriverState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spark 4's placement knobs on a real master with several workers over HTTP, as tables of cases: each worker
 * selection policy, {@code maxDrivers}, and drivers without spread-out.
 */
class SparkPoliciesOnAMasterTest {

    private static final CommandSpec SLEEP = CommandSpec.executable("/bin/sleep", List.of("600"));
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static List<ScriptedWorker> start(MasterOnTest master, int[][] coresAndMemory, Behaviour behaviour) {
        List<ScriptedWorker> workers = new ArrayList<>();
        for (int[] worker : coresAndMemory) {
            workers.add(new ScriptedWorker(master, worker[0], worker[1], behaviour).register());
        }
        return workers;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            CORES_FREE_DESC  | a, c, d, b
            CORES_FREE_ASC   | b, d, c, a
            MEMORY_FREE_DESC | b, c, a, d
            MEMORY_FREE_ASC  | d, a, c, b
            WORKER_ID        | by id
            """)
    void eachWorkerSelectionPolicyOrdersTheExecutorsOfAnApplication(String policy, String expected) {
        try (MasterOnTest master = new MasterOnTest("drover.master.worker-selection-policy=" + policy)) {
            // a, b, c, d: 8, 2, 6 and 4 cores; 6, 16, 10 and 4 GiB.
            List<ScriptedWorker> workers = start(master, new int[][] {{8, 6144}, {2, 16384}, {6, 10240}, {4, 4096}},
                    Behaviour.STAYS_QUIET);
            Map<String, String> labels = new LinkedHashMap<>();
            for (int i = 0; i < workers.size(); i++) {
                labels.put(workers.get(i).workerId(), String.valueOf((char) ('a' + i)));
            }
            try {
                String appId = master.postFor(Paths.APPLICATIONS, new RegisterApplicationRequest("spread", SLEEP,
                        null, 2, 1024L, 8, null, null, null), "appId");

                List<ExecutorView> executors = await().atMost(WAIT).until(
                        () -> master.get(Paths.APPLICATIONS + "/" + appId, ApplicationView.class).executors(),
                        list -> list.size() == 4);

                List<String> order = executors.stream().sorted(Comparator.comparingInt(ExecutorView::executorId))
                        .map(e -> labels.get(e.workerId())).toList();
                List<String> wanted = expected.equals("by id")
                        ? labels.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue)
                                .toList()
                        : List.of(expected.split(",\\s*"));
                assertThat(order).containsExactlyElementsOf(wanted);
            } finally {
                workers.forEach(ScriptedWorker::close);
            }
        }
    }

    @ParameterizedTest(name = "max-drivers={0}, {1} submitted: {2} launched")
    @CsvSource(textBlock = """
            ,  3, 3
            1, 3, 1
            2, 3, 2
            """)
    void noMoreThanMaxDriversAreLaunchedAndTheRestWaitWithThatReason(Integer maxDrivers, int submitted, int launched) {
        try (MasterOnTest master = maxDrivers == null ? new MasterOnTest()
                : new MasterOnTest("drover.master.max-drivers=" + maxDrivers)) {
            List<ScriptedWorker> workers = start(master, new int[][] {{8, 8192}, {8, 8192}}, Behaviour.RUNS);
            try {
                List<String> ids = IntStream.range(0, submitted).mapToObj(i -> master.postFor(Paths.DRIVERS,
                        new SubmitDriverRequest("d" + i, null, SLEEP, 1, 256L, false), "driverId")).toList();

                await().atMost(WAIT).untilAsserted(() -> {
                    List<DriverView> drivers = ids.stream()
                            .map(id -> master.get(Paths.DRIVERS + "/" + id, DriverView.class)).toList();
                    assertThat(drivers).filteredOn(d -> d.state() == DriverState.RUNNING).hasSize(launched);
                    assertThat(drivers).filteredOn(d -> d.state() == DriverState.SUBMITTED)
                            .hasSize(submitted - launched)
                            .allSatisfy(d -> assertThat(d.waitingReason()).isEqualTo("maxDrivers reached: "
                                    + launched + " drivers launched, drover.master.max-drivers is " + maxDrivers));
                });
                if (launched < submitted) {
                    DriverView running = ids.stream().map(id -> master.get(Paths.DRIVERS + "/" + id, DriverView.class))
                            .filter(d -> d.state() == DriverState.RUNNING).findFirst().orElseThrow();
                    workers.stream().filter(w -> w.workerId().equals(running.workerId())).findFirst().orElseThrow()
                            .reportDriver(running.driverId(), DriverState.FINISHED, 0);

                    await("the next driver takes the freed place").atMost(WAIT).until(() -> ids.stream()
                            .map(id -> master.get(Paths.DRIVERS + "/" + id, DriverView.class))
                            .filter(d -> d.state() == DriverState.RUNNING).count() == launched);
                }
            } finally {
                workers.forEach(ScriptedWorker::close);
            }
        }
    }

    @ParameterizedTest(name = "driver cores {0}: on worker {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1, 1, 1 | first, first, second
            4, 1, 1 | second, first, first
            4, 4, 2 | second, third, first
            """)
    void withoutSpreadOutEachDriverGoesToTheFirstWorkerByIdWithRoom(String driverCores, String expected) {
        try (MasterOnTest master = new MasterOnTest("drover.master.spread-out-drivers=false")) {
            // Ids carry the ports, known once the servers listen: the smallest id gets 2 cores, the others 4.
            List<ScriptedWorker> byId = IntStream.range(0, 3)
                    .mapToObj(i -> new ScriptedWorker(master, 1, 8192, Behaviour.STAYS_QUIET))
                    .sorted(Comparator.comparing(ScriptedWorker::workerId)).toList();
            Map<String, String> names = Map.of(byId.get(0).workerId(), "first", byId.get(1).workerId(), "second",
                    byId.get(2).workerId(), "third");
            byId.get(2).offering(4, 8192).register();
            byId.get(0).offering(2, 8192).register();
            byId.get(1).offering(4, 8192).register();
            try {
                List<String> placed = new ArrayList<>();
                for (String cores : driverCores.split(",\\s*")) {
                    String id = master.postFor(Paths.DRIVERS, new SubmitDriverRequest("d", null, SLEEP,
                            Integer.parseInt(cores), 256L, false), "driverId");
                    placed.add(names.get(await().atMost(WAIT).until(
                            () -> master.get(Paths.DRIVERS + "/" + id, DriverView.class).workerId(),
                            worker -> worker != null)));
                }

                assertThat(placed).containsExactly(expected.split(",\\s*"));
            } finally {
                byId.forEach(ScriptedWorker::close);
            }
        }
    }
}
