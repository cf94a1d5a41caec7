package io.drover.server;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits both servers enforce on what a client sends ({@code drover.server.*}).
 *
 * @param maxRequestSize the largest request body accepted; a larger one answers {@code 413}
 */
@ConfigurationProperties("drover.server")
public record ServerLimits(@DefaultValue("1MB") DataSize maxRequestSize) {
}
