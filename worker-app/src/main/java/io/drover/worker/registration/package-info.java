/**
 * Registration and heartbeats: which master this worker follows ({@code MasterLink}), finding and
 * re-finding it, and reporting the inventory. Each service runs its HTTP calls on its own single
 * background thread; HTTP request threads only read {@code MasterLink}.
 */
package io.drover.worker.registration;
