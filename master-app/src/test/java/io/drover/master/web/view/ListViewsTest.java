package io.drover.master.web.view;

import static io.drover.master.web.view.TestingSnapshot.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.master.state.model.ClusterSnapshot;
import io.drover.protocol.state.DriverState;
import org.junit.jupiter.api.Test;

/** The paged lists: active first in submission order, then ended ones newest first, one page at a time. */
class ListViewsTest {

    private static final ClusterSnapshot CLUSTER = new TestingSnapshot()
            .activeDriver(1000, null).activeDriver(1001, null)
            .completedDrivers(0, 250, DriverState.FINISHED, null)
            .build();

    @Test
    void theFirstPageStartsWithActiveDriversThenTheNewestEnded() {
        PagedList<DriverRow> page = ListViews.drivers(CLUSTER, ListFilter.ALL, 1, 100, T0);

        assertThat(page.total()).isEqualTo(252);
        assertThat(page.totalPages()).isEqualTo(3);
        assertThat(page.rows()).hasSize(100);
        assertThat(page.rows().get(0).driverId()).isEqualTo(TestingSnapshot.driverId(1000));
        assertThat(page.rows().get(2).driverId()).isEqualTo(TestingSnapshot.driverId(249));
        assertThat(page.previousHref()).isNull();
        assertThat(page.nextHref()).isEqualTo("/drivers?state=all&page=2&size=100");
    }

    @Test
    void aLaterPageContinuesWhereTheLastStopped() {
        PagedList<DriverRow> page = ListViews.drivers(CLUSTER, ListFilter.ALL, 2, 100, T0);

        assertThat(page.first()).isEqualTo(101);
        assertThat(page.rows().get(0).driverId()).isEqualTo(TestingSnapshot.driverId(151));
    }

    @Test
    void aPageBeyondTheEndShowsTheLastOne() {
        PagedList<DriverRow> page = ListViews.drivers(CLUSTER, ListFilter.ALL, 99, 100, T0);

        assertThat(page.number()).isEqualTo(3);
        assertThat(page.rows()).hasSize(52);
        assertThat(page.last()).isEqualTo(252);
        assertThat(page.nextHref()).isNull();
    }

    @Test
    void filtersKeepOnlyActiveOrOnlyCompleted() {
        assertThat(ListViews.drivers(CLUSTER, ListFilter.ACTIVE, 1, 100, T0).rows())
                .extracting(DriverRow::driverId)
                .containsExactly(TestingSnapshot.driverId(1000), TestingSnapshot.driverId(1001));
        PagedList<DriverRow> completed = ListViews.drivers(CLUSTER, ListFilter.COMPLETED, 3, 100, T0);
        assertThat(completed.total()).isEqualTo(250);
        assertThat(completed.rows()).hasSize(50);
        assertThat(completed.rows().get(49).driverId()).isEqualTo(TestingSnapshot.driverId(0));
    }

    @Test
    void anEmptyListHasOnePageAndNoRows() {
        PagedList<ApplicationRow> page = ListViews.applications(new TestingSnapshot().build(), ListFilter.ALL, 1, 100, T0);

        assertThat(page.totalPages()).isEqualTo(1);
        assertThat(page.first()).isZero();
        assertThat(page.rows()).isEmpty();
    }

    @Test
    void theFilterIsReadLeniently() {
        assertThat(ListFilter.parse("running")).isEqualTo(ListFilter.ACTIVE);
        assertThat(ListFilter.parse("COMPLETED")).isEqualTo(ListFilter.COMPLETED);
        assertThat(ListFilter.parse("<script>")).isEqualTo(ListFilter.ALL);
        assertThat(ListFilter.parse(null)).isEqualTo(ListFilter.ALL);
    }
}
