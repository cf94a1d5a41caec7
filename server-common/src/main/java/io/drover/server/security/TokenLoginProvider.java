package io.drover.server.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The dashboard's login: Spring Security's form login, whose one field is the token (the form posts it as
 * both user name and password). Any token that works as a bearer token works here, except a driver's.
 */
final class TokenLoginProvider implements AuthenticationProvider {

    private final TokenAuthenticator authenticator;

    TokenLoginProvider(TokenAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Object credentials = authentication.getCredentials();
        return authenticator.authenticate(credentials == null ? null : credentials.toString())
                .filter(principal -> !principal.name().startsWith(DriverTokens.NAME_PREFIX))
                .map(TokenAuthentication::new)
                .orElseThrow(() -> new BadCredentialsException("that token is not valid"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
