package io.drover.server.connector;

import java.util.concurrent.Executor;
import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;

/**
 * How many requests of the public connector wait for one of its threads (Tomcat's executor queue). A request
 * that waits there has cost nothing yet; one that reaches a thread while many wait behind it can be turned
 * away cheaply, before the work a client would give up on. As a customizer bean, Spring Boot hands it the
 * public connector only; the internal one is added by {@link ServerConnectors} and never seen here.
 */
public final class PublicConnectorQueue implements TomcatConnectorCustomizer {

    private volatile Connector connector;

    @Override
    public void customize(Connector connector) {
        this.connector = connector;
    }

    /** Requests waiting for a thread; 0 before the server has started. */
    public int waiting() {
        Connector current = connector;
        if (current == null) {
            return 0;
        }
        Executor executor = current.getProtocolHandler().getExecutor();
        return executor instanceof ThreadPoolExecutor pool ? pool.getQueue().size() : 0;
    }
}
