package io.drover.master.state.machine;

/**
 * A command the state machine refused, before changing anything. The API layer turns the reason into an
 * HTTP status; the message names the problem for the client.
 */
public final class CommandRejected extends RuntimeException {

    /** {@code TOO_MANY}: the caller's quota of waiting and running work is used up. */
    public enum Reason { INVALID, NOT_FOUND, CONFLICT, NOT_ALIVE, TOO_MANY }

    private final Reason reason;

    public CommandRejected(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
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

    static CommandRejected notAlive(String message) {
        return new CommandRejected(Reason.NOT_ALIVE, message);
    }
}
