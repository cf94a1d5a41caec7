package io.drover.server.security;

import io.drover.server.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a credential (a bearer token, or a login form) from an address that has failed too often
 * ({@link AuthThrottle}) with {@code 429} and {@code Retry-After}, before the credential is even looked at,
 * so a guesser learns nothing more until the window ends. Requests without a credential pass on.
 */
final class ThrottleFilter extends OncePerRequestFilter {

    private final AuthThrottle throttle;

    ThrottleFilter(AuthThrottle throttle) {
        this.throttle = throttle;
    }

    static boolean isLoginAttempt(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && PolicyAuthorization.path(request).equals("/login");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (BearerTokenFilter.carriesBearer(request) || isLoginAttempt(request)) {
            Optional<Duration> wait = throttle.retryAfter(request.getRemoteAddr());
            if (wait.isPresent()) {
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                response.setHeader("Retry-After", Long.toString(seconds));
                ProblemResponses.write(response, 429, "Too Many Requests", "too many failed logins or bad tokens "
                        + "from this address; try again in " + seconds + " s (drover.auth.throttle)");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
