package io.drover.worker.registration;

/**
 * Where the master's word that this worker is decommissioned goes (a heartbeat reply, or its
 * {@code DecommissionWorker} call). Declared here, like {@link Inventory}, so registration does not depend on
 * the package that acts on it.
 */
public interface DecommissionNotice {

    /** The master is decommissioning this worker: take no new work, let the drivers end, then leave. Idempotent. */
    void decommissioned(String reason);
}
