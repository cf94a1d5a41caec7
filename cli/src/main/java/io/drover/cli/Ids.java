package io.drover.cli;

/** Which kind of thing an id names, by its prefix (DESIGN.md §1: {@code driver-…}, {@code app-…}). */
final class Ids {

    private Ids() {
    }

    static boolean isApplication(String id) {
        return id.startsWith("app-") && !id.contains("/");
    }

    /** {@code app-…/3}: one executor of an application. */
    static boolean isExecutor(String id) {
        return id.startsWith("app-") && id.contains("/");
    }
}
