package io.drover.protocol.state;

import java.util.EnumSet;
import java.util.Set;

/** An executor's lifecycle (DESIGN.md §1). */
public enum ExecutorState {
    LAUNCHING, RUNNING, EXITED, FAILED, KILLED, LOST, DECOMMISSIONED;

    private static final Set<ExecutorState> TERMINAL = EnumSet.of(EXITED, FAILED, KILLED, LOST, DECOMMISSIONED);

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }
}
