package io.drover.protocol.state;

import java.util.EnumSet;
import java.util.Set;

/**
 * A driver's lifecycle. SUBMITTED and RELAUNCHING wait for a worker; RUNNING has a process; the rest are
 * final.
 *
 * <pre>
 * SUBMITTED ──launch──▶ RUNNING ──exit 0──▶ FINISHED
 *     ▲                  │  │  └─exit≠0──▶ FAILED      (supervised: the worker restarts it, stays RUNNING)
 *     │                  │  └──kill────▶ KILLED
 * RELAUNCHING ◀─worker lost (supervised)        could not start / worker lost ──▶ ERROR
 * </pre>
 */
public enum DriverState {
    SUBMITTED, RUNNING, RELAUNCHING, FINISHED, FAILED, KILLED, ERROR, UNKNOWN;

    private static final Set<DriverState> TERMINAL = EnumSet.of(FINISHED, FAILED, KILLED, ERROR);

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /** Whether the driver waits for a placement in this state. */
    public boolean isWaiting() {
        return this == SUBMITTED || this == RELAUNCHING;
    }
}
