package io.drover.server;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits both servers enforce on what a client sends ({@code drover.server.*}); the timeouts and the
 * connection cap apply to each of the two connectors (public and internal).
 *
 * @param maxRequestSize the largest request body accepted; a larger one answers {@code 413}
 * @param connectionTimeout how long a connection may take to send its request line and headers
 * @param keepAliveTimeout how long a connection may stay idle between requests
 * @param bodyReadTimeout the longest pause allowed while a request body is read
 * @param maxConnections open connections each connector accepts; more wait in the operating system's queue
 * @param acceptCount the length of that queue (the listen backlog; the kernel caps it at
 *     {@code net.core.somaxconn}): connections beyond it are dropped and their clients try again seconds later
 * @param internalThreads the internal connector's request threads (the public one has Spring Boot's
 *     {@code server.tomcat.threads.max})
 * @param anonymousFormReaders requests whose form body may be read at once before anyone is authenticated
 *     (logins); more answer {@code 503} at once
 * @param allowedHosts with authentication off, further names a state-changing request's {@code Host} may
 *     carry (beyond loopback names, this machine's name, the bound address and the advertised URL's host)
 */
@Validated
@ConfigurationProperties("drover.server")
public record ServerLimits(
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue("10s") Duration connectionTimeout,
        @DefaultValue("60s") Duration keepAliveTimeout,
        @DefaultValue("10s") Duration bodyReadTimeout,
        @DefaultValue("1000") @Positive int maxConnections,
        @DefaultValue("4096") @Positive int acceptCount,
        @DefaultValue("16") @Positive int internalThreads,
        @DefaultValue("8") @Positive int anonymousFormReaders,
        @DefaultValue({}) List<String> allowedHosts) {

    public ServerLimits {
        if (connectionTimeout.isNegative() || connectionTimeout.isZero() || keepAliveTimeout.isNegative()
                || keepAliveTimeout.isZero() || bodyReadTimeout.isNegative() || bodyReadTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "drover.server.connection-timeout, keep-alive-timeout and body-read-timeout must be positive");
        }
    }
}
