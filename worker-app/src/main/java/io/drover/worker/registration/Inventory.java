package io.drover.worker.registration;

import io.drover.protocol.internal.ChildProcess;
import io.drover.protocol.internal.StateReports;
import java.util.Collection;
import java.util.List;

/**
 * What registration and heartbeats need from the runners: the inventory they report and the kills the
 * master orders in its replies. Declared here so that registration does not depend on the runner package.
 */
public interface Inventory {

    /** Drivers this worker runs, including ones still starting or waiting to be restarted. */
    List<String> runningDriverIds();

    /** Executors this worker runs, as {@code <appId>/<executorId>}, including ones still launching. */
    List<String> runningExecutors();

    /** The drivers it runs with their processes, for a registration: what a new master adopts. */
    List<ChildProcess> drivers();

    /** The executors it runs ({@code <appId>/<executorId>}) with their processes, for a registration. */
    List<ChildProcess> executors();

    /** State changes no master has heard yet (held while no master took them), oldest first, bounded. */
    StateReports undelivered();

    /** A master took these with a registration: they are delivered. */
    void delivered(StateReports carried);

    /**
     * Kills these drivers without reporting: the master asked for it because it no longer gives them to
     * this worker, so a report would only confuse its bookkeeping. Unknown ids are ignored.
     */
    void killDriversSilently(Collection<String> driverIds);

    /** As {@link #killDriversSilently}, for executors named {@code <appId>/<executorId>}. */
    void killExecutorsSilently(Collection<String> executorKeys);
}
