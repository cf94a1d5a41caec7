/**
 * The worker's own health check (YARN's node health checker): its work directory writable and with room. Run at
 * start (a failing check refuses the start) and on every heartbeat, whose report brings the worker in or out of
 * placement.
 */
package io.drover.worker.health;
