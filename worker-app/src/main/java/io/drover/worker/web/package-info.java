/**
 * The worker's HTML pages: its overview at {@code /} and the log viewer at {@code /logs/...}. Controllers
 * only map to the records of {@code web.view}; errors of these routes answer HTML ({@code PageErrors}).
 * Stateless; every request reads the worker's status afresh.
 */
package io.drover.worker.web;
