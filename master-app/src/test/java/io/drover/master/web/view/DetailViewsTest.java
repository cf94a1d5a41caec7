package io.drover.master.web.view;

import static io.drover.master.web.view.TestingSnapshot.T0;
import static io.drover.master.web.view.TestingSnapshot.executor;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.master.state.model.ClusterSnapshot;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import org.junit.jupiter.api.Test;

/** The pages of one application, driver or worker, and their links into the workers' log viewer. */
class DetailViewsTest {

    private static final String WORKER = TestingSnapshot.workerId(1);

    @Test
    void anApplicationSplitsLiveAndEndedExecutorsAndLinksTheirLogs() {
        ClusterSnapshot s = new TestingSnapshot().worker(1, "http://10.0.0.1:8081/")
                .activeApp(7, executor(7, 0, WORKER), executor(7, 1, WORKER).ended(ExecutorState.FAILED, 3, "boom", T0))
                .build();

        ApplicationPage page = DetailViews.application(s, TestingSnapshot.appId(7), T0).orElseThrow();

        assertThat(page.executors()).singleElement().satisfies(e -> {
            assertThat(e.stdoutUrl()).isEqualTo("http://10.0.0.1:8081/logs/" + TestingSnapshot.appId(7) + "/0/stdout");
            assertThat(e.stderrUrl()).isEqualTo("http://10.0.0.1:8081/logs/" + TestingSnapshot.appId(7) + "/0/stderr");
            assertThat(e.workerAddress()).isEqualTo("127.0.0.1:20001");
        });
        assertThat(page.endedExecutors()).singleElement().satisfies(e -> {
            assertThat(e.exitCode()).isEqualTo(3);
            assertThat(e.live()).isFalse();
        });
        assertThat(page.app().cores()).isEqualTo(2);
    }

    @Test
    void aWorkerThatAdvertisesANonHttpUrlGetsNoLinks() {
        ClusterSnapshot s = new TestingSnapshot().worker(1, "javascript:alert(1)")
                .activeApp(7, executor(7, 0, WORKER)).build();

        ApplicationPage page = DetailViews.application(s, TestingSnapshot.appId(7), T0).orElseThrow();

        assertThat(page.executors().get(0).workerUiUrl()).isNull();
        assertThat(page.executors().get(0).stdoutUrl()).isNull();
    }

    @Test
    void aDriverPageShowsWhatRunsButNotItsArgumentsAndLinksItsLogs() {
        ClusterSnapshot s = new TestingSnapshot().worker(1, "http://10.0.0.1:8081").activeDriver(3, WORKER).build();

        DriverPage page = DetailViews.driver(s, TestingSnapshot.driverId(3), T0).orElseThrow();

        assertThat(page.program()).isEqualTo("/bin/true");
        assertThat(page.toString()).doesNotContain("hunter2");
        assertThat(page.stdoutUrl()).isEqualTo("http://10.0.0.1:8081/logs/" + TestingSnapshot.driverId(3) + "/stdout");
        assertThat(page.workerUiUrl()).isEqualTo("http://10.0.0.1:8081");
    }

    @Test
    void aWorkerPageListsWhatRunsThereAndTheMostRecentOfWhatEnded() {
        ClusterSnapshot s = new TestingSnapshot().worker(1, "http://10.0.0.1:8081").worker(2, "http://10.0.0.2:8081")
                .activeDriver(3, WORKER)
                .completedDrivers(10, 150, DriverState.FINISHED, WORKER)
                .completedDrivers(200, 5, DriverState.FINISHED, TestingSnapshot.workerId(2))
                .activeApp(7, executor(7, 0, WORKER), executor(7, 1, TestingSnapshot.workerId(2)))
                .build();

        WorkerPage page = DetailViews.worker(s, WORKER, T0, 100).orElseThrow();

        assertThat(page.drivers()).extracting(DriverRow::driverId).containsExactly(TestingSnapshot.driverId(3));
        assertThat(page.executors()).extracting(ExecutorRow::executorId).containsExactly(0);
        assertThat(page.endedDrivers().total()).isEqualTo(150);
        assertThat(page.endedDrivers().rows()).hasSize(100);
        assertThat(page.endedDrivers().rows().get(0).driverId()).isEqualTo(TestingSnapshot.driverId(159));
    }

    @Test
    void unknownIdsFindNothing() {
        ClusterSnapshot s = new TestingSnapshot().build();

        assertThat(DetailViews.application(s, "app-20261122080000-9999", T0)).isEmpty();
        assertThat(DetailViews.driver(s, "not-an-id", T0)).isEmpty();
        assertThat(DetailViews.worker(s, "", T0, 100)).isEmpty();
    }
}
