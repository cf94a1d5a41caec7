package io.drover.master.web.view;

import java.util.List;

/**
 * The rows a page shows out of a longer list: the most recent ones, with how many there are in all, so
 * the page can say so and link to the paged list (Spark's overview shows everything and slows down).
 */
public record Listing<T>(List<T> rows, int total) {

    public Listing {
        rows = List.copyOf(rows);
    }

    public int shown() {
        return rows.size();
    }

    public boolean truncated() {
        return total > rows.size();
    }
}
