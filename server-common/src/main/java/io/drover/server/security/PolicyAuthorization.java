package io.drover.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Applies {@link AccessPolicy} to every request. The path is the raw request URI without the context path:
 * Spring Security's firewall has already refused any URI that is not normalized ({@code ..}, {@code //},
 * encoded slashes or dots), so the raw form is the one Spring MVC routes.
 */
final class PolicyAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        AccessPolicy.Access needed = AccessPolicy.required(method(context.getRequest()), path(context.getRequest()));
        if (needed == AccessPolicy.Access.OPEN) {
            return new AuthorizationDecision(true);
        }
        Authentication caller = authentication.get();
        boolean granted = caller != null && caller.getAuthorities().stream()
                .anyMatch(authority -> needed.authority().equals(authority.getAuthority()));
        return new AuthorizationDecision(granted);
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static HttpMethod method(HttpServletRequest request) {
        return HttpMethod.valueOf(request.getMethod());
    }
}
