package io.drover.worker.runner;

import io.drover.protocol.internal.ExecutorStateChanged;

/** Where an executor runner's news goes: state reports for the master, and the end of its run for the accounting. */
interface ExecutorListener {

    /** Called in the order the changes happened; must not block. */
    void report(ExecutorStateChanged change);

    /** Called once, when the executor is over, before its final report. */
    void ended(ExecutorRunner runner);
}
