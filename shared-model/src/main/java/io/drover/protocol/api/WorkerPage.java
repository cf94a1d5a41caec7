package io.drover.protocol.api;

import java.util.List;

/**
 * {@code GET /api/v1/workers?state=&page=&size=}: one page of the workers the master knows, in registration
 * order, and how many there are in all (issue 13: with 10,000 workers the whole list is megabytes).
 *
 * @param workers the workers on this page
 * @param page which page, from 0
 * @param size the most workers a page holds
 * @param total how many workers match the filter, on every page together
 */
public record WorkerPage(List<WorkerView> workers, int page, int size, int total) {

    public WorkerPage {
        workers = workers == null ? List.of() : List.copyOf(workers);
    }

    /** Whether a page follows this one. */
    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
