package io.drover.server.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A driver's own credential, derived from the cluster secret: {@code drv.<driverId>.<HMAC-SHA256>}. The
 * worker that launches a driver exports it as {@code DROVER_AUTH_TOKEN}, so the driver can register and
 * manage its applications with the role {@code submit} under the name {@code driver/<driverId>}, without
 * ever seeing the cluster secret (which would let it pose as a worker). Any holder of the secret can derive
 * and check one, so the master needs no table of them.
 */
public final class DriverTokens {

    private static final String PREFIX = "drv.";
    private static final String ALGORITHM = "HmacSHA256";
    /** The name under which a driver's calls are recorded. */
    public static final String NAME_PREFIX = "driver/";

    private final SecretKeySpec key;

    public DriverTokens(ClusterSecret secret) {
        this.key = new SecretKeySpec(secret.keyBytes(), ALGORITHM);
    }

    public String issue(String driverId) {
        return PREFIX + driverId + "." + mac(driverId);
    }

    /** @return the driver id the token was issued for, when it is genuine */
    public Optional<String> verify(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot <= PREFIX.length()) {
            return Optional.empty();
        }
        String driverId = token.substring(PREFIX.length(), dot);
        byte[] expected = mac(driverId).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented) ? Optional.of(driverId) : Optional.empty();
    }

    private String mac(String driverId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(("drover-driver-token:" + driverId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
