/**
 * The dashboard: pages at {@code /}, {@code /applications}, {@code /drivers}, {@code /workers/{id}} and the
 * kill forms they post. Pages read the published snapshot through the records of {@code web.view}; the
 * only changes they make are kills, sent as the same {@code Command}s the API sends (never by touching
 * state: Spark's MasterPage lesson). Who may kill is decided in one place, {@link io.drover.master.web.Viewer}.
 *
 * <p>Live pages: a request with the header {@code X-Drover-Fragment} gets only the page's
 * {@code [data-live]} regions ({@link io.drover.master.web.LiveView}), which live.js swaps in.
 */
package io.drover.master.web;
