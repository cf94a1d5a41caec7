package io.drover.master.config;

import io.drover.server.ServerScheme;
import io.drover.server.connector.InternalConnector;
import java.net.URI;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The URL workers and users are told to use: {@code drover.master.public-url}, or the bound address and
 * the port the server actually got (with {@code server.port=0} that is known only once it is up); and the
 * internal URL beside it.
 */
@Component
public class MasterAddress implements ApplicationListener<WebServerInitializedEvent> {

    private final URI configured;
    private final String bindAddress;
    private final String scheme;
    private final InternalConnector internal;
    private volatile String url;

    MasterAddress(MasterProperties properties, Environment environment, InternalConnector internal) {
        this.internal = internal;
        this.configured = properties.publicUrl();
        this.bindAddress = environment.getProperty("server.address", "127.0.0.1");
        this.scheme = ServerScheme.of(environment);
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return; // a management server on its own port is not the master's address
        }
        url = configured != null ? stripSlash(configured.toString())
                : scheme + "://" + hostFor(bindAddress) + ":" + event.getWebServer().getPort();
    }

    /** The public URL; null until the server is up. */
    public String url() {
        return url;
    }

    /** Where workers send heartbeats and state reports: the public URL's host, the internal port. */
    public String internalUrl() {
        String publicUrl = url;
        return publicUrl == null ? null : internal.urlBeside(publicUrl);
    }

    /** Listening on every interface says nothing about where we can be reached; loopback is the safe guess. */
    private static String hostFor(String address) {
        if (address.equals("0.0.0.0") || address.equals("::")) {
            return "127.0.0.1";
        }
        return address.contains(":") ? "[" + address + "]" : address;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
