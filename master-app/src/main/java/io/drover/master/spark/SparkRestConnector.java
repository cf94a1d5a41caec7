package io.drover.master.spark;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * The Spark port: a Tomcat connector of its own beside the master's, on {@code drover.spark.rest.address} and
 * {@code .port}. It shares the master's servlet context; {@link SparkRestFilter} keeps the two apart by the
 * port a request arrived on. Without {@code drover.spark.rest.enabled} it adds nothing.
 */
final class SparkRestConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final Connector connector;
    private final boolean enabled;

    SparkRestConnector(SparkRestProperties properties) {
        this.enabled = properties.enabled();
        this.connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(properties.port());
        connector.setProperty("address", properties.address());
        // Spark's clients send small JSON bodies; nothing here is worth a slow client holding a thread.
        connector.setProperty("connectionTimeout", "20000");
        // As on the main port: an encoded slash reaches the routing as a part of a segment (Spark's answer),
        // instead of Tomcat's own HTML 400.
        connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (enabled) {
            factory.addAdditionalConnectors(connector);
        }
    }

    /** The port it listens on (the one bound, when configured as 0); -1 before the server starts. */
    int port() {
        return connector.getLocalPort();
    }
}
