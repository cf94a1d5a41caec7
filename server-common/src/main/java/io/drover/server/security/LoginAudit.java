package io.drover.server.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/** Records every dashboard login, by token name, then carries on as Spring Security would. */
final class LoginAudit implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final AuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
    private final AuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error");
    private final AuthThrottle throttle;

    LoginAudit(AuthThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        DroverPrincipal who = (DroverPrincipal) authentication.getPrincipal();
        AuditLog.LOG.info("login: token '{}' (role {}) from {}", who.name(), who.role().name().toLowerCase(),
                request.getRemoteAddr());
        success.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        AuditLog.LOG.warn("login refused: a token that is not valid, from {}", request.getRemoteAddr());
        throttle.failed(request.getRemoteAddr());
        failure.onAuthenticationFailure(request, response, exception);
    }
}
