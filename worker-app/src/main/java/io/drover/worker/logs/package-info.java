/**
 * Log serving: byte ranges of the stdout and stderr files under the work directory, and nothing outside
 * it. Stateless; every request resolves and checks its path afresh.
 */
package io.drover.worker.logs;
