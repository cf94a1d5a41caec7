package io.drover.master.web.view;

import java.util.Locale;

/** Which part of a list page shows: {@code ?state=active|completed}, anything else (or nothing) is all. */
public enum ListFilter {
    ALL("all"), ACTIVE("active"), COMPLETED("completed");

    private final String param;

    ListFilter(String param) {
        this.param = param;
    }

    public String param() {
        return param;
    }

    /** Lenient: a page answers any query; "running" (Spark's word) means active. */
    public static ListFilter parse(String state) {
        if (state == null) {
            return ALL;
        }
        return switch (state.toLowerCase(Locale.ROOT)) {
            case "active", "running" -> ACTIVE;
            case "completed", "finished", "ended" -> COMPLETED;
            default -> ALL;
        };
    }
}
