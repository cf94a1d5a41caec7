package io.drover.protocol.state;

/** The master's own lifecycle (DESIGN.md §1). Only an ALIVE master accepts submissions. */
public enum MasterStatus {
    ALIVE, STANDBY, RECOVERING, COMPLETING_RECOVERY
}
