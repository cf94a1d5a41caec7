package io.drover.server.security;

import io.drover.server.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With authentication off, a cluster still must not do what a web page tells a visitor's browser to
 * (issue 10): a cross-site form that kills work, or a DNS-rebinding page that submits a driver. So a call
 * that changes anything must name a {@link KnownHosts known host} in {@code Host}, and its {@code Origin},
 * when the browser sends one, must be this server's own. Anything else answers {@code 403}. Programs
 * (curl, the client, the master and workers) send a known Host and no Origin, and pass.
 */
final class SameOriginGuard extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final KnownHosts hosts;

    SameOriginGuard(KnownHosts hosts) {
        this.hosts = hosts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod())) {
            String refusal = refusal(request);
            if (refusal != null) {
                ProblemResponses.write(response, 403, "Forbidden", refusal);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Why the request is refused; null when it may go on. */
    private String refusal(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null || !hosts.knows(hostName(host), request.getLocalAddr())) {
            return "the Host header does not name this server (authentication is off, so only this server's "
                    + "own names are accepted; add others to drover.server.allowed-hosts)";
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request.getScheme(), host)) {
            return "a call from another site's page (Origin) may not change anything here";
        }
        return null;
    }

    /** The name in a Host header, without its port: {@code [::1]:8080} → {@code [::1]}. */
    static String hostName(String host) {
        String value = host.strip();
        int close = value.lastIndexOf(']');
        int colon = value.lastIndexOf(':');
        return colon > close && value.indexOf(':') == colon ? value.substring(0, colon)
                : close > 0 ? value.substring(0, close + 1) : value;
    }

    private static boolean sameOrigin(String origin, String scheme, String host) {
        try {
            URI uri = URI.create(origin.strip());
            String authority = uri.getRawAuthority();
            return uri.getScheme() != null && uri.getScheme().equalsIgnoreCase(scheme) && authority != null
                    && withPort(authority, scheme).equalsIgnoreCase(withPort(host.strip(), scheme));
        } catch (IllegalArgumentException e) {
            return false; // "null", or not a URI at all
        }
    }

    private static String withPort(String authority, String scheme) {
        boolean hasPort = authority.lastIndexOf(':') > authority.lastIndexOf(']');
        return hasPort ? authority : authority + ":" + ("https".equalsIgnoreCase(scheme) ? 443 : 80);
    }
}
