package io.drover.worker.web.view;

/** The HTML answer of a page route that cannot be shown: the status, its reason and what was wrong. */
public record ErrorPage(int status, String reason, String detail) {
}
