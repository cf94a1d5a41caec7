package io.drover.master.persistence;

/**
 * The store could not be read or written. On a write this means the change is not durable: the master must
 * not acknowledge it, and must stop acting until it has reloaded its state from the store.
 */
public class PersistenceException extends RuntimeException {

    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }

    public PersistenceException(String message) {
        super(message);
    }
}
