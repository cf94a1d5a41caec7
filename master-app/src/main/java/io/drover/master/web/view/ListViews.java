package io.drover.master.web.view;

import io.drover.master.state.model.ClusterSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the paged list pages, {@code /applications} and {@code /drivers}: active ones in submission order,
 * then ended ones newest first (as the API lists them), filtered and cut to one page before any row is
 * mapped. Pure.
 */
public final class ListViews {

    public static final String APPLICATIONS_PATH = "/applications";
    public static final String DRIVERS_PATH = "/drivers";
    public static final String WORKERS_PATH = "/workers";

    private ListViews() {
    }

    /** @param page from 1; beyond the last page shows the last one */
    public static PagedList<ApplicationRow> applications(ClusterSnapshot s, ListFilter filter, int page, int size,
            Instant now) {
        return paged(s.applications(), s.completedApplications(), filter, page, size, APPLICATIONS_PATH,
                a -> Rows.application(a, s, now));
    }

    public static PagedList<DriverRow> drivers(ClusterSnapshot s, ListFilter filter, int page, int size,
            Instant now) {
        return paged(s.drivers(), s.completedDrivers(), filter, page, size, DRIVERS_PATH,
                d -> Rows.driver(d, s, now));
    }

    private static <E, R> PagedList<R> paged(Map<String, E> active, Map<String, E> completed, ListFilter filter,
            int page, int size, String path, Function<E, R> row) {
        int activeCount = filter == ListFilter.COMPLETED ? 0 : active.size();
        int completedCount = filter == ListFilter.ACTIVE ? 0 : completed.size();
        int total = activeCount + completedCount;
        int pages = Math.max(1, (total + size - 1) / size);
        int number = Math.min(Math.max(1, page), pages);
        int from = (number - 1) * size;
        List<E> picked = new ArrayList<>(size);
        if (from < activeCount) {
            picked.addAll(Newest.inOrder(active, from, size));
        }
        int fromCompleted = Math.max(0, from - activeCount);
        if (picked.size() < size && completedCount > 0) {
            picked.addAll(Newest.of(completed, fromCompleted, size - picked.size()));
        }
        return new PagedList<>(picked.stream().map(row).toList(), filter, number, size, total, path);
    }
}
