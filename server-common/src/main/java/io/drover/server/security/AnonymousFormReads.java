package io.drover.server.security;

import io.drover.server.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the threads that can be reading a form body before anyone is authenticated (issue 10). The login
 * form must be read to learn who is logging in, and a form post that comes with a session cookie has its
 * CSRF field read before the session is trusted; a client that sends such a body one byte at a time holds
 * the thread reading it. At most {@code drover.server.anonymous-form-readers} such requests are let in at
 * once; more answer {@code 503} with {@code Retry-After} at once, so slow logins can cost the login page,
 * never the API, the pages of people already logged in, or the worker protocol. JSON bodies are read only
 * after authentication and are not counted.
 */
final class AnonymousFormReads extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Semaphore readers;

    AnonymousFormReads(int readers) {
        this.readers = new Semaphore(readers);
    }

    static boolean readsFormBeforeAuthentication(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod()) || BearerTokenFilter.carriesBearer(request)
                || request.isRequestedSessionIdValid()) {
            return false;
        }
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return MediaType.APPLICATION_FORM_URLENCODED.includes(media) || media.getType().equals("multipart");
        } catch (IllegalArgumentException e) {
            return false; // HeaderGuardFilter has refused it already
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!readsFormBeforeAuthentication(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!readers.tryAcquire()) {
            response.setHeader("Retry-After", "1");
            ProblemResponses.write(response, 503, "Service Unavailable",
                    "too many logins are being read at once; try again (drover.server.anonymous-form-readers)");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            readers.release();
        }
    }
}
