package io.drover.server.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Credentials, {@code drover.auth.*} (DESIGN.md §7), read alike by the master and the workers.
 *
 * @param enabled false turns every check off, for a trusted network only; both apps warn about it at
 *     every start and on every page
 * @param secret the cluster secret ({@code DROVER_AUTH_SECRET}); takes precedence over {@code secret-file}
 * @param secretFile a file holding the cluster secret; a master whose file does not exist yet writes a new
 *     secret there (mode 0600)
 * @param tokens named tokens for people and tools, each with a role
 * @param throttle how many failed logins and bad bearer tokens one client address may present
 */
@Validated
@ConfigurationProperties("drover.auth")
public record AuthProperties(
        @DefaultValue("true") boolean enabled,
        String secret,
        Path secretFile,
        @DefaultValue List<@Valid NamedToken> tokens,
        @DefaultValue @Valid Throttle throttle) {

    /**
     * {@code drover.auth.throttle.*}: past {@code maxFailures} failed logins or bad bearer tokens from one
     * address within {@code window}, that address gets {@code 429} with {@code Retry-After} until the window
     * ends. Tokens are long and random, so this costs a guesser everything and a person who mistyped little.
     *
     * @param maxFailures failures one address may have in a window
     * @param window how long failures are counted, and how long an address that passed the limit waits
     */
    public record Throttle(@DefaultValue("20") @Positive int maxFailures,
            @DefaultValue("1m") Duration window) {

        public Throttle {
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("drover.auth.throttle.window must be positive");
            }
        }
    }

    /**
     * A token for a person or a tool ({@code drover.auth.tokens[0].name=alice}, {@code .token=…},
     * {@code .role=submit}).
     *
     * @param name what audit records and the dashboard show for it
     * @param token the bearer token itself; at least 16 characters
     * @param role view, submit or admin
     */
    public record NamedToken(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}", message = "must be 1-64 letters, digits or ._@-")
            String name,
            @NotBlank @jakarta.validation.constraints.Size(min = 16, max = 512) String token,
            @NotNull Role role) {

        @Override
        public String toString() {
            return "NamedToken[name=" + name + ", role=" + role + "]";
        }
    }

    @Override
    public String toString() {
        return "AuthProperties[enabled=" + enabled + ", secretFile=" + secretFile + ", tokens=" + tokens + "]";
    }
}
