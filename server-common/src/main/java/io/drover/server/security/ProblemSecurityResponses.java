package io.drover.server.security;

import io.drover.server.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * How security refusals look: {@code application/problem+json} like every other error (DESIGN.md §5),
 * except that a person opening a page in a browser without a session is sent to the login page.
 */
final class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");

    /** A page a browser opens: worth a redirect to the login page rather than a bare 401. */
    static boolean isBrowserPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        String path = PolicyAuthorization.path(request);
        return "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html")
                && !AccessPolicy.isMachinePath(path);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException, jakarta.servlet.ServletException {
        if (isBrowserPage(request) && !BearerTokenFilter.carriesBearer(request)) {
            login.commence(request, response, refused);
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"drover\"");
        ProblemResponses.write(response, 401, "Unauthorized", BearerTokenFilter.carriesBearer(request)
                ? "the bearer token is not valid"
                : "this call needs a credential: send Authorization: Bearer <token>");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        ProblemResponses.write(response, 403, "Forbidden", denied instanceof CsrfException
                ? "the form's CSRF token is missing or out of date; reload the page and try again"
                : "this credential's role may not do this");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        ProblemResponses.write(response, 400, "Bad Request",
                "the request URL is not allowed (encoded slashes or dots, '..', '//', ';' or control characters)");
    }
}
