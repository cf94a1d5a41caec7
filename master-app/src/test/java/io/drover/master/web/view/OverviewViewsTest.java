package io.drover.master.web.view;

import static io.drover.master.web.view.TestingSnapshot.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.master.scheduling.SchedulingSettings;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.protocol.state.DriverState;
import org.junit.jupiter.api.Test;

/** The overview lists every worker and only the most recent of what ended, with the totals. */
class OverviewViewsTest {

    private static final ClusterSnapshot BIG = new TestingSnapshot().workers(1000)
            .completedDrivers(0, 4000, DriverState.FINISHED, null)
            .completedDrivers(4000, 1000, DriverState.KILLED, null)
            .completedApps(0, 5000)
            .build();

    @Test
    void everyWorkerIsListed() {
        OverviewPage page = OverviewViews.overview(BIG, T0, 500, 100, SchedulingSettings.defaults());

        assertThat(page.workers()).hasSize(1000);
        assertThat(page.summary().workersAlive()).isEqualTo(1000);
        assertThat(page.summary().coresTotal()).isEqualTo(8000);
    }

    @Test
    void completedWorkIsCutToTheMostRecentWithItsTotal() {
        OverviewPage page = OverviewViews.overview(BIG, T0, 500, 100, SchedulingSettings.defaults());

        assertThat(page.completedDrivers().rows()).hasSize(100);
        assertThat(page.completedDrivers().total()).isEqualTo(5000);
        assertThat(page.completedDrivers().truncated()).isTrue();
        assertThat(page.completedDrivers().rows().get(0).driverId()).isEqualTo(TestingSnapshot.driverId(4999));
        assertThat(page.completedDrivers().rows().get(99).driverId()).isEqualTo(TestingSnapshot.driverId(4900));
        assertThat(page.completedApplications().rows()).hasSize(100);
        assertThat(page.completedApplications().rows().get(0).appId()).isEqualTo(TestingSnapshot.appId(4999));
    }

    @Test
    void theSummaryCountsEndedDriversByState() {
        ClusterSummary summary = OverviewViews.summary(BIG);

        assertThat(summary.driversCompleted()).isEqualTo(5000);
        assertThat(summary.driversKilled()).isEqualTo(1000);
        assertThat(summary.driversFailed()).isZero();
        assertThat(summary.applicationsCompleted()).isEqualTo(5000);
        assertThat(summary.restUrl()).isEqualTo("http://127.0.0.1:8080/api/v1");
    }

    @Test
    void activeWorkIsListedInSubmissionOrderUpToTheLimitWithWaitingCounted() {
        TestingSnapshot cluster = new TestingSnapshot().worker(0, "http://127.0.0.1:20000");
        for (int n = 0; n < 5; n++) {
            cluster.activeDriver(n, n == 0 ? TestingSnapshot.workerId(0) : null);
        }

        OverviewPage page = OverviewViews.overview(cluster.build(), T0.plusSeconds(60), 3, 100,
                SchedulingSettings.defaults());

        assertThat(page.activeDrivers().rows()).extracting(DriverRow::driverId).containsExactly(
                TestingSnapshot.driverId(0), TestingSnapshot.driverId(1), TestingSnapshot.driverId(2));
        assertThat(page.activeDrivers().total()).isEqualTo(5);
        assertThat(page.summary().driversWaiting()).isEqualTo(4);
        assertThat(page.summary().coresUsed()).isEqualTo(1);
        assertThat(page.activeDrivers().rows().get(0).workerAddress()).isEqualTo("127.0.0.1:20000");
        assertThat(page.activeDrivers().rows().get(0).durationMillis()).isEqualTo(60_000);
        assertThat(page.activeDrivers().rows().get(0).runningSinceIso()).isEqualTo("2026-11-22T08:00:00.000Z");
    }
}
