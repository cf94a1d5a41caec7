package io.drover.worker.runner;

import io.drover.protocol.internal.DriverStateChanged;

/** Where a driver runner's news goes: state reports for the master, and the end of its run for the accounting. */
interface DriverListener {

    /** Called in the order the changes happened; must not block. */
    void report(DriverStateChanged change);

    /** Called once, when the driver is over, before its final report. */
    void ended(DriverRunner runner);
}
