package io.drover.protocol.state;

/** A worker as the master sees it. DEAD and DECOMMISSIONED workers take no work. */
public enum WorkerState {
    ALIVE, DEAD, DECOMMISSIONED, UNKNOWN
}
