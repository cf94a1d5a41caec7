package io.drover.client;

/**
 * The master answered, but not with the status the call expects (for example {@code 404} for an unknown
 * id, {@code 409} for killing a finished driver, {@code 503} while the master is not {@code ALIVE}). Carries
 * the status and, when the body was RFC 9457 {@code application/problem+json}, its {@code title} and
 * {@code detail}; for any other body, {@code detail} is the start of the body as text.
 */
public class DroverApiException extends DroverClientException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final String path;
    private final int status;
    private final String title;
    private final String detail;

    public DroverApiException(String method, String path, int status, String title, String detail) {
        super(message(method, path, status, title, detail));
        this.method = method;
        this.path = path;
        this.status = status;
        this.title = title;
        this.detail = detail;
    }

    /** The HTTP method of the failed call. */
    public String method() {
        return method;
    }

    /** The path (and query) of the failed call, relative to the master's URL. */
    public String path() {
        return path;
    }

    /** The HTTP status the master answered with. */
    public int status() {
        return status;
    }

    /** The problem's {@code title}, or null when the body had none. */
    public String title() {
        return title;
    }

    /** The problem's {@code detail}, or the body's text when it was not a problem document; may be null. */
    public String detail() {
        return detail;
    }

    private static String message(String method, String path, int status, String title, String detail) {
        StringBuilder text = new StringBuilder().append(method).append(' ').append(path).append(" answered ").append(status);
        if (title != null && !title.isBlank()) {
            text.append(' ').append(title);
        }
        if (detail != null && !detail.isBlank()) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }
}
