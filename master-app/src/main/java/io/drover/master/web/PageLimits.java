package io.drover.master.web;

/**
 * How much a page lists. The overview must stay fast with thousands of retained drivers and applications
 * (the benchmark: 1,000 workers, 5,000 completed of each), so it shows the most recent ones and links to
 * the paged lists, as Spark's paged tables do.
 */
final class PageLimits {

    /** Completed drivers and applications on the overview and ended ones on a worker's page. */
    static final int RECENT = 100;
    /** Active drivers and applications on the overview; more than this is a queue, read on the list page. */
    static final int ACTIVE = 500;
    static final int PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

    private PageLimits() {
    }

    /** A query parameter as a number within bounds; anything unreadable is the default, never an error page. */
    static int number(String text, int fallback, int min, int max) {
        if (text == null || text.isBlank() || text.length() > 9) {
            return fallback;
        }
        try {
            return Math.min(max, Math.max(min, Integer.parseInt(text.trim())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
