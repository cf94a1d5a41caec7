package io.drover.server.connector;

import io.drover.protocol.Paths;
import io.drover.server.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the two connectors apart: the internal one serves only {@code /internal/**}, the public one
 * everything else, plus worker registration ({@link Paths#INTERNAL_WORKERS}): a worker registers through the
 * master URL its operator configured and learns the internal URL from the reply. A call on the wrong port
 * answers {@code 404} as if the route did not exist there, before authentication.
 */
final class ConnectorRouting extends OncePerRequestFilter {

    private final InternalConnector internal;

    ConnectorRouting(InternalConnector internal) {
        this.internal = internal;
    }

    static boolean isInternalPath(String path) {
        return path.equals("/internal") || path.startsWith("/internal/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean internalPort = internal.accepted(request.getLocalPort());
        boolean refused = internalPort ? !isInternalPath(path)
                : isInternalPath(path) && !path.equals(Paths.INTERNAL_WORKERS);
        if (refused) {
            ProblemResponses.write(response, 404, "Not Found", internalPort
                    ? "this port serves only the master-worker protocol (/internal/**)"
                    : "no such route on this port");
            return;
        }
        chain.doFilter(request, response);
    }
}
