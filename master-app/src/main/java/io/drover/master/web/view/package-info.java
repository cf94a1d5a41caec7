/**
 * The records the dashboard's templates read, and the pure functions that build them from the published
 * {@link io.drover.master.state.model.ClusterSnapshot} (through {@link io.drover.master.api.ApiViews}, so the
 * pages show what the API shows). No Spring, no I/O, no clock: "now" is an argument. Templates read only
 * these records, never the snapshot or the API records, so a page changes in one place.
 *
 * <p>Public only because the controllers in {@code web} and the templates (by reflection) read them.
 */
package io.drover.master.web.view;
