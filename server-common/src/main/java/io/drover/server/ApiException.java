package io.drover.server;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error a request ran into that the client can act on. {@link ApiErrors} turns it into
 * {@code application/problem+json} with this status; the message is the problem's detail, so it must
 * name the problem in the client's terms and never carry internals.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private Duration retryAfter;

    public ApiException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** Adds a member to the problem document (RFC 9457 extension members), e.g. {@code leader}. */
    public ApiException with(String name, Object value) {
        if (value != null) {
            properties.put(name, value);
        }
        return this;
    }

    /** Sets the {@code Retry-After} header: when the client may try again. */
    public ApiException retryAfter(Duration delay) {
        this.retryAfter = delay;
        return this;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** Null when the answer carries no {@code Retry-After}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, detail);
    }

    public static ApiException unavailable(String detail) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, detail);
    }

    public static ApiException badGateway(String detail) {
        return new ApiException(HttpStatus.BAD_GATEWAY, detail);
    }
}
