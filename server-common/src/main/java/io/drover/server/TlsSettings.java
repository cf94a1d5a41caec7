package io.drover.server;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the master and the workers verify each other over HTTPS ({@code drover.tls.*}). Serving HTTPS is
 * Spring Boot's own {@code server.ssl.bundle}; this names the bundle whose trust material the internal
 * clients use.
 *
 * @param trustBundle an SSL bundle ({@code spring.ssl.bundle.*}) to trust when calling the other side;
 *     unset means the JVM's default trust store
 */
@ConfigurationProperties("drover.tls")
public record TlsSettings(String trustBundle) {
}
