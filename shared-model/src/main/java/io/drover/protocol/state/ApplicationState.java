package io.drover.protocol.state;

import java.util.EnumSet;
import java.util.Set;

/** An application's lifecycle (DESIGN.md §1). */
public enum ApplicationState {
    WAITING, RUNNING, FINISHED, FAILED, KILLED, UNKNOWN;

    private static final Set<ApplicationState> TERMINAL = EnumSet.of(FINISHED, FAILED, KILLED);

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }
}
