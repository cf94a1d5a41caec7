package io.drover.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a presented token into who holds it: the cluster secret, a named token, or a driver's derived
 * token. Every comparison is constant-time and every named token is compared, so timing reveals neither
 * how much of a guess matched nor which token it resembled.
 */
public final class TokenAuthenticator {

    private final ClusterSecret secret;
    private final DriverTokens driverTokens;
    private final List<AuthProperties.NamedToken> tokens;
    private final DriverTokenCheck driverCheck;

    /** @param secret null only when authentication is disabled and no secret was given */
    public TokenAuthenticator(ClusterSecret secret, List<AuthProperties.NamedToken> tokens) {
        this(secret, tokens, driverId -> true);
    }

    /** @param driverCheck whether a genuine driver token still works here (its driver has not ended) */
    public TokenAuthenticator(ClusterSecret secret, List<AuthProperties.NamedToken> tokens,
            DriverTokenCheck driverCheck) {
        this.secret = secret;
        this.driverTokens = secret == null ? null : new DriverTokens(secret);
        this.tokens = List.copyOf(tokens);
        this.driverCheck = driverCheck;
        check();
    }

    private void check() {
        Set<String> names = new HashSet<>();
        Set<String> values = new HashSet<>();
        for (AuthProperties.NamedToken token : tokens) {
            if (!names.add(token.name()) || DroverPrincipal.CLUSTER_NAME.equals(token.name())
                    || token.name().startsWith(DriverTokens.NAME_PREFIX)) {
                throw new IllegalStateException("drover.auth.tokens: the name '" + token.name()
                        + "' is used twice or reserved");
            }
            if (!values.add(token.token()) || (secret != null && secret.matches(token.token()))) {
                throw new IllegalStateException("drover.auth.tokens: the token named '" + token.name()
                        + "' is not unique (each token and the cluster secret must differ)");
            }
        }
    }

    public Optional<DroverPrincipal> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        if (secret != null && secret.matches(presented)) {
            return Optional.of(DroverPrincipal.clusterSecret());
        }
        DroverPrincipal named = null;
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        for (AuthProperties.NamedToken token : tokens) {
            if (MessageDigest.isEqual(bytes, token.token().getBytes(StandardCharsets.UTF_8))) {
                named = new DroverPrincipal(token.name(), token.role(), false);
            }
        }
        if (named != null) {
            return Optional.of(named);
        }
        return driverTokens == null ? Optional.empty() : driverTokens.verify(presented)
                .filter(driverCheck::accepts)
                .map(driverId -> new DroverPrincipal(DriverTokens.NAME_PREFIX + driverId, Role.SUBMIT, false));
    }

    /** Derives drivers' tokens; null when there is no cluster secret. */
    public DriverTokens driverTokens() {
        return driverTokens;
    }
}
