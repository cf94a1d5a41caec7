package io.drover.server.connector;

import io.drover.server.ServerLimits;
import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.apache.commons.logging.LogFactory;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.SslConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Sets up both apps' Tomcat: the limits of {@link ServerLimits} on every connector, the valve that closes
 * instead of draining a refused body, and the internal connector beside the public one, with the same
 * address and, when the server speaks HTTPS ({@code server.ssl.bundle}), the same certificate.
 */
final class ServerConnectors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ServerLimits limits;
    private final InternalConnector internal;

    /** @param internal null for a server without the master↔worker protocol */
    ServerConnectors(ServerLimits limits, InternalConnector internal) {
        this.limits = limits;
        this.internal = internal;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(this::limit);
        factory.addContextValves(new UnreadBodyValve());
        if (internal == null) {
            return;
        }
        Connector connector = internal.connector();
        limit(connector);
        if (factory.getAddress() != null) {
            connector.setProperty("address", factory.getAddress().getHostAddress());
        }
        AbstractHttp11Protocol<?> protocol = (AbstractHttp11Protocol<?>) connector.getProtocolHandler();
        protocol.setMaxThreads(limits.internalThreads());
        protocol.setMinSpareThreads(Math.min(4, limits.internalThreads()));
        Ssl ssl = factory.getSsl();
        if (Ssl.isEnabled(ssl)) {
            if (ssl.getBundle() == null) {
                throw new IllegalStateException("HTTPS on the internal port needs server.ssl.bundle");
            }
            new SslConnectorCustomizer(LogFactory.getLog(ServerConnectors.class), connector, ssl.getClientAuth())
                    .customize(factory.getSslBundles().getBundle(ssl.getBundle()), Map.of());
        }
        factory.addAdditionalConnectors(connector);
    }

    /**
     * The listen backlog, and timeouts on every read: of the request head, between requests (an idle
     * connection holds no thread, and clients keep theirs for a while: closing them sooner makes a client's
     * next request find the connection gone), and of the body (Tomcat's upload timeout, which replaces the
     * connection timeout once a body is being read).
     */
    private void limit(Connector connector) {
        AbstractHttp11Protocol<?> protocol = (AbstractHttp11Protocol<?>) connector.getProtocolHandler();
        protocol.setConnectionTimeout((int) limits.connectionTimeout().toMillis());
        protocol.setKeepAliveTimeout((int) limits.keepAliveTimeout().toMillis());
        protocol.setDisableUploadTimeout(false);
        protocol.setConnectionUploadTimeout((int) limits.bodyReadTimeout().toMillis());
        protocol.setMaxConnections(limits.maxConnections());
        // Tomcat's 100 overflowed when thousands of workers registered at once: the kernel dropped their
        // handshakes, and each worker waited one to seven seconds to try again, or gave up.
        protocol.setAcceptCount(limits.acceptCount());
    }

    /** After Spring Boot's own customizers, so these limits win over its defaults. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
