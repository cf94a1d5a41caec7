package io.drover.master.persistence;

/**
 * The stored state exists but cannot be opened or understood (unreadable, corrupt, written by a newer
 * Drover). The master refuses to start rather than overwrite it; the message names the place.
 */
public class UnreadableStateException extends PersistenceException {

    public UnreadableStateException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnreadableStateException(String message) {
        super(message);
    }
}
