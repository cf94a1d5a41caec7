package io.drover.server.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated caller. Holds who they are, never the token they presented. */
final class TokenAuthentication extends AbstractAuthenticationToken {

    private final DroverPrincipal principal;

    TokenAuthentication(DroverPrincipal principal) {
        super(principal.authorities());
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public DroverPrincipal getPrincipal() {
        return principal;
    }
}
