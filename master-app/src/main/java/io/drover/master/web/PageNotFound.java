package io.drover.master.web;

/** A page for an id the master does not know (or that is not an id at all): a 404 page, never a 500. */
final class PageNotFound extends RuntimeException {

    private final String kind;
    private final String id;

    PageNotFound(String kind, String id) {
        super("no " + kind + " " + id, null, false, false);
        this.kind = kind;
        this.id = id;
    }

    String kind() {
        return kind;
    }

    String id() {
        return id;
    }
}
