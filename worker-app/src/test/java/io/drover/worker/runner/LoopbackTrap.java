package io.drover.worker.runner;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on loopback that answers nothing useful and counts what reaches it. A fetcher given
 * {@link #proxySelector()} connects to loopback servers directly and sends everything else here: a test of
 * a refusal can then never send a packet off the machine, even when the refusal is broken, and can tell
 * whether a connection was tried at all.
 */
final class LoopbackTrap implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    LoopbackTrap() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(502, -1);
            exchange.close();
        });
        server.start();
    }

    ProxySelector proxySelector() {
        Proxy trap = new Proxy(Proxy.Type.HTTP, server.getAddress());
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return uri.getHost() != null && uri.getHost().equals("127.0.0.1") ? List.of(Proxy.NO_PROXY) : List.of(trap);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                // nothing to learn
            }
        };
    }

    /** How many requests reached the trap: any would have left the machine without it. */
    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
