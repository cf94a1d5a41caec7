/**
 * The records the worker's templates read, built from the worker's own status by pure mapping: sizes and
 * times are formatted here and links are paths, so templates only print. Stateless.
 */
package io.drover.worker.web.view;
