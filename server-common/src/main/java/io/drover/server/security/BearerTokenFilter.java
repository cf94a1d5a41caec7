package io.drover.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} for this request only: nothing goes into a session,
 * so API clients, workers and the master stay stateless. A request with no such header passes on (the
 * dashboard's session or the access rules decide); one with a token that is not valid is refused at once
 * with 401, rather than being treated as anonymous.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
    static final String SCHEME = "Bearer ";

    private final TokenAuthenticator authenticator;
    private final AuthenticationEntryPoint refused;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    private final boolean refuseInvalid;
    private final AuthThrottle throttle;

    /**
     * @param refuseInvalid false with authentication disabled: a token that is not valid is simply ignored
     * @param throttle where a token that is not valid is counted against its client's address
     */
    BearerTokenFilter(TokenAuthenticator authenticator, AuthenticationEntryPoint refused, boolean refuseInvalid,
            AuthThrottle throttle) {
        this.authenticator = authenticator;
        this.refused = refused;
        this.refuseInvalid = refuseInvalid;
        this.throttle = throttle;
    }

    static boolean carriesBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = request.getHeader("Authorization").substring(SCHEME.length()).strip();
        Optional<DroverPrincipal> principal = authenticator.authenticate(token);
        if (principal.isEmpty() && !refuseInvalid) {
            chain.doFilter(request, response);
            return;
        }
        if (principal.isEmpty()) {
            throttle.failed(request.getRemoteAddr());
            log.warn("Refused a request to {} {} from {}: the bearer token is not valid",
                    request.getMethod(), request.getRequestURI(), request.getRemoteAddr());
            refused.commence(request, response, new BadCredentialsException("the bearer token is not valid"));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(principal.get()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
