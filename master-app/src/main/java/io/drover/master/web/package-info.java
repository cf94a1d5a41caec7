/**
 * The dashboard: pages at {@code /}, {@code /applications}, {@code /drivers}, {@code /workers/{id}} and the
 * kill forms they post. Pages read the published snapshot through the records of {@code web.view}; the
 * only changes they make are kills, sent as the same {@code Command}s the API sends (never by touching
 * state: Spark's MasterPage lesson). Who may kill is decided where the API decides it, {@link io.drover.master.api.Ownership}; the pages show
 * kill buttons by the caller's own {@code mayChange}.
 *
 * <p>Live pages: a request with the header {@code X-Drover-Fragment} gets only the page's
 * {@code [data-live]} regions ({@link io.drover.master.web.LiveView}), which live.js swaps in.
 */
package io.drover.master.web;
