package io.drover.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed logins and bad bearer tokens, counted per client address (issue 10). Past {@code maxFailures} in
 * one {@code window} an address may present no credential until the window ends. The table is bounded
 * (Caffeine, least recently used addresses go first), so a flood from many addresses costs memory for at
 * most {@link #MAX_ADDRESSES} of them.
 */
public final class AuthThrottle {

    static final int MAX_ADDRESSES = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Failures> failures;

    /** Failures of one address in the window that began at {@code since}. */
    private record Failures(Instant since, int count) {
    }

    public AuthThrottle(AuthProperties.Throttle settings, Clock clock) {
        this.maxFailures = settings.maxFailures();
        this.window = settings.window();
        this.clock = clock;
        this.failures = Caffeine.newBuilder().maximumSize(MAX_ADDRESSES).expireAfterWrite(window).build();
    }

    /** How long {@code address} must wait before presenting a credential again; empty when it may now. */
    public Optional<Duration> retryAfter(String address) {
        Failures current = failures.getIfPresent(address);
        Instant now = clock.instant();
        if (current == null || current.count() < maxFailures || !now.isBefore(current.since().plus(window))) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, current.since().plus(window)));
    }

    public void failed(String address) {
        Instant now = clock.instant();
        failures.asMap().compute(address, (key, current) -> current == null
                || !now.isBefore(current.since().plus(window))
                ? new Failures(now, 1) : new Failures(current.since(), current.count() + 1));
    }
}
