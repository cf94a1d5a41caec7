package io.drover.master.state.machine;

import io.drover.protocol.state.MasterStatus;

/**
 * A command the state machine refused, before changing anything. The API layer turns the reason into an
 * HTTP status; the message names the problem for the client.
 */
public final class CommandRejected extends RuntimeException {

    /** {@code TOO_MANY}: the caller's quota of waiting and running work is used up. */
    public enum Reason { INVALID, NOT_FOUND, CONFLICT, NOT_ALIVE, TOO_MANY }

    private final Reason reason;
    private final MasterStatus masterStatus;
    private final String leaderUrl;

    public CommandRejected(Reason reason, String message) {
        this(reason, message, null, null);
    }

    private CommandRejected(Reason reason, String message, MasterStatus masterStatus, String leaderUrl) {
        super(message, null, false, false);
        this.reason = reason;
        this.masterStatus = masterStatus;
        this.leaderUrl = leaderUrl;
    }

    public Reason reason() {
        return reason;
    }

    /** For NOT_ALIVE: the state the master was in; null otherwise. */
    public MasterStatus masterStatus() {
        return masterStatus;
    }

    /** For NOT_ALIVE: the master that leads, when known, so a client can go there; null otherwise. */
    public String leaderUrl() {
        return leaderUrl;
    }

    static CommandRejected invalid(String message) {
        return new CommandRejected(Reason.INVALID, message);
    }

    static CommandRejected notFound(String message) {
        return new CommandRejected(Reason.NOT_FOUND, message);
    }

    static CommandRejected conflict(String message) {
        return new CommandRejected(Reason.CONFLICT, message);
    }

    static CommandRejected tooMany(String message) {
        return new CommandRejected(Reason.TOO_MANY, message);
    }

    public static CommandRejected notAlive(String message, MasterStatus status, String leaderUrl) {
        return new CommandRejected(Reason.NOT_ALIVE, message, status, leaderUrl);
    }
}
