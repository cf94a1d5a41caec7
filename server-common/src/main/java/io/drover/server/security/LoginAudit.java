package io.drover.server.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/** Records every dashboard login, by token name, then carries on as Spring Security would. */
final class LoginAudit implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    /** The audit log: submissions, kills and logins with the name of the token behind them. */
    static final Logger AUDIT = LoggerFactory.getLogger("drover.audit");

    private final AuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
    private final AuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error");

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        DroverPrincipal who = (DroverPrincipal) authentication.getPrincipal();
        AUDIT.info("login: token '{}' (role {}) from {}", who.name(), who.role().name().toLowerCase(),
                request.getRemoteAddr());
        success.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        AUDIT.warn("login refused: a token that is not valid, from {}", request.getRemoteAddr());
        failure.onAuthenticationFailure(request, response, exception);
    }
}
