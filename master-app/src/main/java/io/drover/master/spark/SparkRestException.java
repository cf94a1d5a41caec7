package io.drover.master.spark;

/**
 * A request Spark's server would refuse: the HTTP status and the {@code message} of the {@code ErrorResponse},
 * worded as Spark words it where Spark has words for it.
 */
final class SparkRestException extends RuntimeException {

    private final int status;

    SparkRestException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** 400 with Spark's prefix for a request it could not read or validate. */
    static SparkRestException malformed(String what) {
        return new SparkRestException(400, "Malformed request: " + what);
    }

    int status() {
        return status;
    }
}
