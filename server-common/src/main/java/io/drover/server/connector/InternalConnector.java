package io.drover.server.connector;

import java.net.URI;
import java.net.URISyntaxException;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.TomcatWebServerFactory;

/**
 * The second Tomcat connector, which serves only the master↔worker protocol ({@code /internal/**}) on a port
 * of its own with threads of its own, so heartbeats and state reports get through whatever the public API
 * suffers. Each app makes one from its {@code internal-port} setting (0: any free port, known once the
 * server listens). It is also the one place an internal URL is built: the server's public URL with the
 * internal port, so scheme and host are whatever the public URL says.
 */
public final class InternalConnector {

    private final int configuredPort;
    private final Connector connector = new Connector(TomcatWebServerFactory.DEFAULT_PROTOCOL);

    public InternalConnector(int configuredPort) {
        if (configuredPort < 0 || configuredPort > 65535) {
            throw new IllegalArgumentException("internal-port must be 0 (any free port) or a port number: "
                    + configuredPort);
        }
        this.configuredPort = configuredPort;
        connector.setPort(configuredPort);
    }

    Connector connector() {
        return connector;
    }

    /** The port it listens on; the configured one until the server has started. */
    public int port() {
        int local = connector.getLocalPort();
        return local > 0 ? local : configuredPort;
    }

    /** Whether a request arrived through this connector (by the port its connection was accepted on). */
    boolean accepted(int localPort) {
        return localPort == port();
    }

    /** The internal URL beside a public one: same scheme and host, this connector's port, no path. */
    public String urlBeside(String publicUrl) {
        URI base = URI.create(publicUrl);
        try {
            return new URI(base.getScheme(), null, base.getHost(), port(), null, null, null).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + publicUrl, e);
        }
    }
}
