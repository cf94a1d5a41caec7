package io.drover.master.web.view;

import java.util.List;

/**
 * One page of a list page ({@code /applications}, {@code /drivers}): the rows and what the pager needs.
 *
 * @param number this page, from 1
 * @param total rows in the whole (filtered) list
 * @param path where the list lives ({@code /drivers}); the pager's links add the filter and the page
 */
public record PagedList<T>(List<T> rows, ListFilter filter, int number, int size, int total, String path) {

    public PagedList {
        rows = List.copyOf(rows);
    }

    public int totalPages() {
        return Math.max(1, (total + size - 1) / size);
    }

    /** 1-based position of the first row shown; 0 when there is none. */
    public int first() {
        return rows.isEmpty() ? 0 : (number - 1) * size + 1;
    }

    public int last() {
        return rows.isEmpty() ? 0 : first() + rows.size() - 1;
    }

    public String previousHref() {
        return number > 1 ? href(number - 1) : null;
    }

    public String nextHref() {
        return number < totalPages() ? href(number + 1) : null;
    }

    public String href(int page) {
        return path + "?state=" + filter.param() + "&page=" + page + "&size=" + size;
    }
}
