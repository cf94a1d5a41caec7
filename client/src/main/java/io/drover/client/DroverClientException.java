package io.drover.client;

/**
 * A call to the master could not be completed: the connection failed or timed out, the thread was
 * interrupted, an answer could not be read, or {@link DroverClient#awaitDriver awaitDriver} gave up. A
 * master that answered with an error status raises the subclass {@link DroverApiException}.
 */
public class DroverClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DroverClientException(String message) {
        super(message);
    }

    public DroverClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
