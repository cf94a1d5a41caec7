package io.drover.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster secret: the {@code admin} credential, and the one the master and the workers present to each
 * other. Where it comes from, in order: {@code drover.auth.secret}, then {@code drover.auth.secret-file},
 * then (master only) a file the master generates in its data directory. Its value is never logged.
 */
public final class ClusterSecret {

    private static final Logger log = LoggerFactory.getLogger(ClusterSecret.class);
    private static final int MIN_LENGTH = 16;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] value;

    private ClusterSecret(String value) {
        if (value.length() < MIN_LENGTH) {
            throw new IllegalStateException("the cluster secret must be at least " + MIN_LENGTH + " characters");
        }
        this.value = value.getBytes(StandardCharsets.UTF_8);
    }

    public static ClusterSecret of(String value) {
        return new ClusterSecret(value);
    }

    /**
     * @param generateInto where a master keeps a secret it generated itself; null for a worker, which must be
     *     told the secret
     * @return null when authentication is disabled and no secret was given
     */
    public static ClusterSecret resolve(AuthProperties auth, Path generateInto) {
        if (auth.secret() != null && !auth.secret().isBlank()) {
            return of(auth.secret().strip());
        }
        Path file = auth.secretFile() != null ? auth.secretFile() : generateInto;
        if (file != null && (Files.exists(file) || generateInto != null)) {
            return fromFile(file, generateInto != null);
        }
        if (!auth.enabled()) {
            return null;
        }
        throw new IllegalStateException(auth.secretFile() != null
                ? "drover.auth.secret-file " + auth.secretFile() + " does not exist"
                : "no cluster secret: set drover.auth.secret (DROVER_AUTH_SECRET) or drover.auth.secret-file, "
                        + "e.g. the cluster-secret file in the master's data directory");
    }

    private static ClusterSecret fromFile(Path file, boolean mayCreate) {
        try {
            if (mayCreate && !Files.exists(file)) {
                generate(file);
            }
            warnIfOthersCanRead(file);
            return of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cluster secret from " + file, e);
        }
    }

    private static void generate(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try {
            // Created with owner-only permissions, so the secret is never readable by others, even briefly.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException raced) {
            return;
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        log.info("Generated a cluster secret into {} (workers on this host can use drover.auth.secret-file={})",
                file.toAbsolutePath(), file.toAbsolutePath());
    }

    private static void warnIfOthersCanRead(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                log.warn("The cluster secret file {} is readable by other users; chmod 600 it", file);
            }
        } catch (UnsupportedOperationException notPosix) {
            // nothing to check on such a file system
        }
    }

    /** Constant-time comparison, so response times do not reveal how much of a guess was right. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(value, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The value to present to the other side; only the internal clients call this. */
    public String value() {
        return new String(value, StandardCharsets.UTF_8);
    }

    byte[] keyBytes() {
        return value.clone();
    }

    @Override
    public String toString() {
        return "ClusterSecret[redacted]";
    }
}
